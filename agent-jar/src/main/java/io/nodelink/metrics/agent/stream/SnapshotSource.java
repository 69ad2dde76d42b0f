package io.nodelink.metrics.agent.stream;

import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import java.util.Set;

/** Where a session gets its data: the real host's collectors, or a simulated host. */
public interface SnapshotSource {

  /** Takes a rate baseline for the groups about to be streamed. */
  void prime(Set<MetricGroup> groups);

  /**
   * One snapshot with only the given groups filled, stamped {@code timestamp}: the second (Unix) of
   * the sampling slot it stands for, which a late run keeps.
   */
  MetricsDataResponse collect(Set<MetricGroup> groups, long timestamp);

  /** System information for a system_info request. */
  SystemInfoResponse systemInfo(SystemInfoRequest request);

  /**
   * Delay between START's baseline and the first snapshot: long enough for meaningful rates, short
   * enough to be prompt.
   */
  default long firstSampleDelayMillis() {
    return 500;
  }
}
