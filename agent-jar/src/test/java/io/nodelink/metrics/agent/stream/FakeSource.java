package io.nodelink.metrics.agent.stream;

import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A snapshot source that fills exactly the asked groups with a sequence number. */
final class FakeSource implements SnapshotSource {
  final List<Set<MetricGroup>> primed = new CopyOnWriteArrayList<>();
  final AtomicLong samples = new AtomicLong();

  @Override
  public void prime(Set<MetricGroup> groups) {
    primed.add(Set.copyOf(groups));
  }

  /** The sequence number stands in for the timestamp, so tests can see order and loss. */
  @Override
  public MetricsDataResponse collect(Set<MetricGroup> groups, long timestamp) {
    long n = samples.incrementAndGet();
    MetricsDataResponse.Builder b = MetricsDataResponse.newBuilder().setTimestamp(n);
    if (groups.contains(MetricGroup.CPU)) {
      b.setCpu(CpuMetrics.newBuilder().setUsagePercent(n));
    }
    if (groups.contains(MetricGroup.MEMORY)) {
      b.setMemory(MemoryMetrics.newBuilder().setTotalBytes(n));
    }
    if (groups.contains(MetricGroup.LOAD)) {
      b.setLoad(LoadMetrics.newBuilder().setLoad1(n));
    }
    return b.build();
  }

  @Override
  public SystemInfoResponse systemInfo(SystemInfoRequest request) {
    return SystemInfoResponse.newBuilder()
        .setTimestamp(42)
        .setSoftware(SystemSoftware.newBuilder().setHostname("fake-host"))
        .build();
  }

  @Override
  public long firstSampleDelayMillis() {
    return 10;
  }
}
