/**
 * Ingestion: what the server does with what an agent sends on its stream (task answers, snapshots,
 * system info), and the {@link io.nodelink.metrics.server.ingest.MetricsReceived} event that tells
 * the rest of the server (SSE, self-monitoring) about each stored snapshot. Nothing an agent sends
 * is stored before {@link io.nodelink.metrics.server.ingest.SnapshotSanitizer} has made it safe to
 * serialise and chart (finite numbers, bounded strings, sane timestamps). Transports call it
 * through {@link io.nodelink.metrics.server.ingest.AgentStreamHandler}.
 */
package io.nodelink.metrics.server.ingest;
