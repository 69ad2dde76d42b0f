package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.List;
import oshi.hardware.CentralProcessor;

/**
 * The 1, 5 and 15 minute load averages (OSHI's getloadavg). Windows has none: OSHI answers with
 * negative values, reported as 0 and named unavailable.
 */
public final class LoadCollector implements Collector {
  private static final List<String> NO_LOAD = List.of("load.load1", "load.load5", "load.load15");

  private final CentralProcessor processor;
  private List<String> unavailable = List.of();

  public LoadCollector(CentralProcessor processor) {
    this.processor = processor;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.LOAD;
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) {
    double[] load = processor.getSystemLoadAverage(3);
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
