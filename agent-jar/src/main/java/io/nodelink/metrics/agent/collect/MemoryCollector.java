package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.MemInfo;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.procfs.ProcText;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;

/**
 * Memory and swap from one read of {@code /proc/meminfo}, so every field comes from the same
 * instant (OSHI's GlobalMemory lacks free, cached and buffers).
 */
public final class MemoryCollector implements Collector {
  private final ProcText meminfo;

  public MemoryCollector(ProcFs fs) {
    this.meminfo = new ProcText(fs.proc("meminfo"), 4096);
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.MEMORY;
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) throws Exception {
    out.setMemory(toMetrics(MemInfo.parse(meminfo.load())));
  }

  static MemoryMetrics toMetrics(MemInfo m) {
    long swapUsed = Math.max(0, m.swapTotal() - m.swapFree());
    return MemoryMetrics.newBuilder()
        .setTotalBytes(m.total())
        .setUsedBytes(m.used())
        .setAvailableBytes(m.available())
        .setFreeBytes(m.free())
        .setCachedBytes(m.cached())
        .setBuffersBytes(m.buffers())
        .setUsagePercent(Rates.percent(m.used(), m.total()))
        .setSwapTotalBytes(m.swapTotal())
        .setSwapUsedBytes(swapUsed)
        .setSwapFreeBytes(m.swapFree())
        .setSwapUsagePercent(Rates.percent(swapUsed, m.swapTotal()))
        .build();
  }
}
