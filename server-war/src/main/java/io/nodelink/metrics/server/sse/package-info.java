/**
 * Server-Sent Events: one broadcaster per agent, each client with its own bounded queue drained on
 * the managed executor, so a slow client never delays ingestion or other clients.
 */
package io.nodelink.metrics.server.sse;
