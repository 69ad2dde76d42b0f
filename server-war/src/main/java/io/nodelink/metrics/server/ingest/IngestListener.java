package io.nodelink.metrics.server.ingest;

/** Told about ingestion; in the server, {@link CdiIngestListener} turns these into CDI events. */
public interface IngestListener {

  /** A listener that ignores everything (unit tests that do not care). */
  IngestListener NONE = new IngestListener() {};

  default void metricsReceived(MetricsReceived event) {}

  default void agentStatusChanged(AgentStatusChanged event) {}
}
