package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.pb.MetricsDataResponse;

/**
 * CDI event: a snapshot was stored. Observers must not block: they run on the ingestion thread. A
 * {@link #buffered()} snapshot was measured while the agent was disconnected and arrives late: it
 * is history, not live data, so observers that show live data (SSE) skip it.
 *
 * @param agentId the agent
 * @param snapshot the snapshot as stored
 * @param receivedNanos {@link System#nanoTime()} when it arrived, for the ingest→SSE latency
 */
public record MetricsReceived(String agentId, MetricsDataResponse snapshot, long receivedNanos) {

  /** True for a snapshot the agent kept while disconnected and sent after reconnecting. */
  public boolean buffered() {
    return snapshot.getBuffered();
  }
}
