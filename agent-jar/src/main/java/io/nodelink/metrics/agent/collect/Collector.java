package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.List;

/**
 * Collects one metric group into a snapshot. Collectors that report rates keep the previous
 * counters between calls; they are used from one thread at a time.
 */
public interface Collector {

  /** The group this collector fills. */
  MetricGroup group();

  /**
   * Takes a baseline of the counters so that the next {@link #collect} reports rates over the time
   * since now rather than since some stale earlier sample.
   */
  default void prime() throws Exception {}

  /** Reads the system and fills this group's fields of {@code out}. */
  void collect(MetricsDataResponse.Builder out) throws Exception;

  /**
   * The fields of the last {@link #collect} that this host cannot measure, as {@code group.field}
   * names (e.g. {@code load.load1}); they were reported as 0. Empty for most.
   */
  default List<String> unavailableFields() {
    return List.of();
  }
}
