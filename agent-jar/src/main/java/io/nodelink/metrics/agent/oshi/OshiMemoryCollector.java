package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.collect.Collector;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.collect.Rates;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.List;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/**
 * Memory and swap from OSHI's {@link GlobalMemory}. OSHI knows total and available only, so used is
 * total − available (gopsutil's definition on Windows and macOS), free is reported as available (as
 * gopsutil does on Windows), and cached and buffers are 0 and named unavailable.
 */
public final class OshiMemoryCollector implements Collector {
  private static final List<String> UNAVAILABLE =
      List.of("memory.cached_bytes", "memory.buffers_bytes");

  private final GlobalMemory memory;

  public OshiMemoryCollector(GlobalMemory memory) {
    this.memory = memory;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.MEMORY;
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) {
    long total = memory.getTotal();
    long available = Math.min(total, Math.max(0, memory.getAvailable()));
    long used = total - available;
    VirtualMemory swap = memory.getVirtualMemory();
    long swapTotal = Math.max(0, swap.getSwapTotal());
    long swapUsed = Math.min(swapTotal, Math.max(0, swap.getSwapUsed()));
    out.setMemory(
        MemoryMetrics.newBuilder()
            .setTotalBytes(total)
            .setUsedBytes(used)
            .setAvailableBytes(available)
            .setFreeBytes(available)
            .setUsagePercent(Rates.percent(used, total))
            .setSwapTotalBytes(swapTotal)
            .setSwapUsedBytes(swapUsed)
            .setSwapFreeBytes(swapTotal - swapUsed)
            .setSwapUsagePercent(Rates.percent(swapUsed, swapTotal)));
  }

  @Override
  public List<String> unavailableFields() {
    return UNAVAILABLE;
  }
}
