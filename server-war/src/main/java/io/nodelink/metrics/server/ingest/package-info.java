/**
 * Ingestion: what happens when an agent connects, sends a message or goes away, and the events that
 * tell the rest of the server (SSE, self-monitoring) about it.
 */
package io.nodelink.metrics.server.ingest;
