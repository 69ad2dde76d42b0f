package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.store.SeriesExtractor;

/**
 * The values rules are evaluated on: the history's own series of a snapshot ({@link
 * SeriesExtractor}, the one mapping from snapshots to names), plus {@value #LOAD1_PER_CORE}, which
 * no single series holds but the default pack needs (load relative to the host's size).
 */
final class AlertSeries {

  static final String LOAD1_PER_CORE = "load.load1_per_core";

  private final SeriesExtractor extractor = new SeriesExtractor();

  SeriesBatch of(MetricsDataResponse snapshot) {
    SeriesBatch batch = extractor.extract(snapshot);
    int cores = snapshot.hasCpu() ? snapshot.getCpu().getCoreUsageCount() : 0;
    if (snapshot.hasLoad() && cores > 0) {
      batch.add(LOAD1_PER_CORE, snapshot.getLoad().getLoad1() / cores);
    }
    return batch;
  }
}
