package io.nodelink.metrics.bench.load;

import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.stream.SnapshotSource;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import java.util.Set;

/**
 * A simulated host whose every snapshot is reported to {@link Deliveries} as it is handed to the
 * agent's stream: the agent's session builds the message and calls {@code onNext} right after
 * {@link #collect}, so this is the send time.
 */
final class TrackedSource implements SnapshotSource {

  private final int agent;
  private final SnapshotSource host;
  private final Deliveries deliveries;

  TrackedSource(int agent, SnapshotSource host, Deliveries deliveries) {
    this.agent = agent;
    this.host = host;
    this.deliveries = deliveries;
  }

  @Override
  public void prime(Set<MetricGroup> groups) {
    host.prime(groups);
  }

  @Override
  public MetricsDataResponse collect(Set<MetricGroup> groups, long timestamp) {
    MetricsDataResponse snapshot = host.collect(groups, timestamp);
    deliveries.sent(agent, snapshot.getTimestamp(), System.nanoTime());
    return snapshot;
  }

  @Override
  public SystemInfoResponse systemInfo(SystemInfoRequest request) {
    return host.systemInfo(request);
  }

  @Override
  public long firstSampleDelayMillis() {
    return host.firstSampleDelayMillis();
  }
}
