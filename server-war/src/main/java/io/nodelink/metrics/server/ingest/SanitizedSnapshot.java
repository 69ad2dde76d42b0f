package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.Set;

/**
 * A snapshot after {@link SnapshotSanitizer}: what is kept as the latest and shown as JSON ({@code
 * stored}, every number finite), what goes into the history ({@code history}, the same except that
 * non-finite values are NaN, which the history skips), and what was changed. Both are null when the
 * snapshot was dropped.
 */
public record SanitizedSnapshot(
    MetricsDataResponse stored, MetricsDataResponse history, Set<SanitizeCause> causes) {

  /** True when nothing of the snapshot may be stored (a buffered one outside the window). */
  public boolean dropped() {
    return stored == null;
  }
}
