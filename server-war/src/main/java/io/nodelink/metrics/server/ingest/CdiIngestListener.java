package io.nodelink.metrics.server.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Fires each stored snapshot, each sanitised message and each throttled one as a synchronous CDI
 * event; observers only hand work off.
 */
@ApplicationScoped
public class CdiIngestListener implements IngestListener {

  @Inject Event<MetricsReceived> metrics;

  @Inject Event<SnapshotSanitized> sanitized;

  @Inject Event<MessageThrottled> throttled;

  @Override
  public void metricsReceived(MetricsReceived event) {
    metrics.fire(event);
  }

  @Override
  public void sanitized(String agentId, SanitizeCause cause) {
    sanitized.fire(new SnapshotSanitized(agentId, cause));
  }

  @Override
  public void throttled(String agentId, Quota quota) {
    throttled.fire(new MessageThrottled(agentId, quota));
  }
}
