package io.nodelink.metrics.server.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Fires each stored snapshot, and each sanitised message, as a synchronous CDI event; observers
 * only hand work off.
 */
@ApplicationScoped
public class CdiIngestListener implements IngestListener {

  @Inject Event<MetricsReceived> metrics;

  @Inject Event<SnapshotSanitized> sanitized;

  @Override
  public void metricsReceived(MetricsReceived event) {
    metrics.fire(event);
  }

  @Override
  public void sanitized(String agentId, SanitizeCause cause) {
    sanitized.fire(new SnapshotSanitized(agentId, cause));
  }
}
