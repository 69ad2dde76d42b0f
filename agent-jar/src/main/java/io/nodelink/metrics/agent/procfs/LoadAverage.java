package io.nodelink.metrics.agent.procfs;

/** The 1, 5 and 15 minute load averages of {@code /proc/loadavg}. */
public final class LoadAverage {
  private LoadAverage() {}

  /**
   * The three averages at the start of {@code text} ({@code "0.08 0.06 0.02 1/85 2320"}); an entry
   * that is missing or not a number is -1, as OSHI reports a load it cannot read.
   */
  public static double[] parse(ProcText text) {
    text.rewind();
    double[] load = new double[3];
    for (int i = 0; i < load.length; i++) {
      double v = text.nextDecimal();
      load[i] = Double.isNaN(v) ? -1 : v;
    }
    return load;
  }
}
