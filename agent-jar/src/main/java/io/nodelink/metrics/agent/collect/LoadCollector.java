package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import oshi.hardware.CentralProcessor;

/** The 1, 5 and 15 minute load averages (OSHI's getloadavg); 0 where the OS has none. */
public final class LoadCollector implements Collector {
  private final CentralProcessor processor;

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
    out.setLoad(
        LoadMetrics.newBuilder()
            .setLoad1(valid(load, 0))
            .setLoad5(valid(load, 1))
            .setLoad15(valid(load, 2)));
  }

  private static double valid(double[] load, int i) {
    return load.length > i && load[i] >= 0 ? load[i] : 0;
  }
}
