package io.nodelink.metrics.history.codec;

/**
 * A sealed chunk's timestamps as runs of equal steps: the first timestamp, then per run its step
 * and length. Ten minutes of points every second are one run (~90 bits instead of one bit per
 * point); each skipped second adds two short runs. Any sequence of longs round-trips.
 */
public final class TimestampRuns {

  private TimestampRuns() {}

  /** Writes {@code timestamps[from..to)}; at least one. */
  public static void write(BitWriter out, long[] timestamps, int from, int to) {
    out.write(timestamps[from], 64);
    int i = from + 1;
    while (i < to) {
      long step = timestamps[i] - timestamps[i - 1];
      int run = 1;
      while (i + run < to && timestamps[i + run] - timestamps[i + run - 1] == step) {
        run++;
      }
      LengthPrefixed.write(out, LengthPrefixed.zigzag(step));
      LengthPrefixed.write(out, run - 1);
      i += run;
    }
  }

  /** Reads {@code count} timestamps into {@code out}. */
  public static void read(BitReader in, long[] out, int count) {
    if (count == 0) {
      return;
    }
    out[0] = in.read(64);
    int i = 1;
    while (i < count) {
      long step = LengthPrefixed.unzigzag(LengthPrefixed.read(in));
      int run = (int) LengthPrefixed.read(in) + 1;
      for (int r = 0; r < run; r++, i++) {
        out[i] = out[i - 1] + step;
      }
    }
  }
}
