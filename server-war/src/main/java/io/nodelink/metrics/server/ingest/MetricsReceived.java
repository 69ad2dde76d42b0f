package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;

/**
 * CDI event: a snapshot was stored. Observers must not block: they run on the ingestion thread. A
 * {@link #buffered()} snapshot was measured while the agent was disconnected and arrives late: it
 * is history, not live data, so observers that show live data (SSE) skip it.
 *
 * @param agentId the agent
 * @param snapshot the snapshot as stored
 * @param series its history series as the store extracted them (values left out of the history are
 *     NaN); read-only, the store may keep the batch
 * @param receivedNanos {@link System#nanoTime()} when it arrived, for the ingest→SSE latency
 */
public record MetricsReceived(
    String agentId, MetricsDataResponse snapshot, SeriesBatch series, long receivedNanos) {

  /** True for a snapshot the agent kept while disconnected and sent after reconnecting. */
  public boolean buffered() {
    return snapshot.getBuffered();
  }
}
