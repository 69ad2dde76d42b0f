package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.store.SeriesExtractor;
import java.util.function.Function;

/**
 * The values rules are evaluated on: the history's own series of a snapshot ({@link
 * SeriesExtractor}, the one mapping from snapshots to names), plus {@value #LOAD1_PER_CORE}, which
 * no single series holds but the default pack needs (load relative to the host's size).
 *
 * <p>In the server the extractor is the store's: one set of name caches (up to 10,000 instance
 * names per kind), not a second one as large for a host that churns through interface names.
 */
final class AlertSeries {

  static final String LOAD1_PER_CORE = "load.load1_per_core";

  private final Function<MetricsDataResponse, SeriesBatch> extractor;

  AlertSeries(Function<MetricsDataResponse, SeriesBatch> extractor) {
    this.extractor = extractor;
  }

  SeriesBatch of(MetricsDataResponse snapshot) {
    SeriesBatch batch = extractor.apply(snapshot);
    int cores = snapshot.hasCpu() ? snapshot.getCpu().getCoreUsageCount() : 0;
    if (snapshot.hasLoad() && cores > 0) {
      batch.add(LOAD1_PER_CORE, snapshot.getLoad().getLoad1() / cores);
    }
    return batch;
  }
}
