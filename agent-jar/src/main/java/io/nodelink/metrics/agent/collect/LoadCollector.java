package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.LoadAverage;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.procfs.ProcText;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.io.IOException;
import java.util.List;
import oshi.hardware.CentralProcessor;

/**
 * The 1, 5 and 15 minute load averages, from {@code /proc/loadavg} or OSHI's getloadavg. Windows
 * has none: OSHI answers with negative values, reported as 0 and named unavailable.
 */
public final class LoadCollector implements Collector {
  private static final List<String> NO_LOAD = List.of("load.load1", "load.load5", "load.load15");

  /** The three averages, negative where unknown. */
  @FunctionalInterface
  public interface Source {
    double[] read() throws IOException;
  }

  private final Source source;
  private List<String> unavailable = List.of();

  /** Load from OSHI (every platform it supports). */
  public LoadCollector(CentralProcessor processor) {
    this(() -> processor.getSystemLoadAverage(3));
  }

  public LoadCollector(Source source) {
    this.source = source;
  }

  /** Load from {@code /proc/loadavg}, parsed in place from a reused buffer. */
  public static LoadCollector procfs(ProcFs fs) {
    ProcText loadavg = new ProcText(fs.proc("loadavg"), 128);
    return new LoadCollector(() -> LoadAverage.parse(loadavg.load()));
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.LOAD;
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) throws IOException {
    double[] load = source.read();
    unavailable = load.length < 3 || load[0] < 0 ? NO_LOAD : List.of();
    out.setLoad(
        LoadMetrics.newBuilder()
            .setLoad1(valid(load, 0))
            .setLoad5(valid(load, 1))
            .setLoad15(valid(load, 2)));
  }

  @Override
  public List<String> unavailableFields() {
    return unavailable;
  }

  private static double valid(double[] load, int i) {
    return load.length > i && load[i] >= 0 ? load[i] : 0;
  }
}
