package io.nodelink.metrics.agent.stream;

import io.nodelink.metrics.agent.collect.CollectorRegistry;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.sysinfo.SystemInfoCollector;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import java.util.Set;

/** The real host: the collector registry and the system-info collector. */
public final class HostSnapshotSource implements SnapshotSource {
  private final CollectorRegistry registry;
  private final SystemInfoCollector systemInfo;

  public HostSnapshotSource(CollectorRegistry registry, SystemInfoCollector systemInfo) {
    this.registry = registry;
    this.systemInfo = systemInfo;
  }

  @Override
  public void prime(Set<MetricGroup> groups) {
    registry.prime(groups);
  }

  @Override
  public MetricsDataResponse collect(Set<MetricGroup> groups, long timestamp) {
    return registry.collect(groups, timestamp);
  }

  @Override
  public SystemInfoResponse systemInfo(SystemInfoRequest request) {
    return systemInfo.collect(request);
  }
}
