package io.nodelink.metrics.server.ingest;

/** Told about each stored snapshot; in the server, {@link CdiIngestListener} fires a CDI event. */
public interface IngestListener {

  /** A listener that ignores everything (unit tests that do not care). */
  IngestListener NONE = event -> {};

  void metricsReceived(MetricsReceived event);

  /** Part of one message of {@code agentId} was changed or dropped for {@code cause}. */
  default void sanitized(String agentId, SanitizeCause cause) {}

  /** A message of {@code agentId} was dropped for exceeding {@code quota}. */
  default void throttled(String agentId, Quota quota) {}
}
