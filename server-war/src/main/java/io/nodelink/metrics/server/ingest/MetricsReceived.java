package io.nodelink.metrics.server.ingest;

import io.nodelink.metrics.pb.MetricsDataResponse;

/**
 * CDI event: a snapshot was stored. Observers must not block: they run on the ingestion thread.
 *
 * @param agentId the agent
 * @param snapshot the snapshot as stored
 * @param receivedNanos {@link System#nanoTime()} when it arrived, for the ingest→SSE latency
 */
public record MetricsReceived(String agentId, MetricsDataResponse snapshot, long receivedNanos) {}
