package io.nodelink.metrics.server.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** Fires ingestion events as synchronous CDI events; observers only hand work off. */
@ApplicationScoped
public class CdiIngestListener implements IngestListener {

  @Inject Event<MetricsReceived> metrics;

  @Inject Event<AgentStatusChanged> status;

  @Override
  public void metricsReceived(MetricsReceived event) {
    metrics.fire(event);
  }

  @Override
  public void agentStatusChanged(AgentStatusChanged event) {
    status.fire(event);
  }
}
