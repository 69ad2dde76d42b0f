/**
 * Server-Sent Events: one broadcaster per agent; each event is encoded once and the same bytes are
 * queued on every client's bounded queue, drained through the servlet's non-blocking output, so a
 * slow client never delays ingestion or other clients.
 */
package io.nodelink.metrics.server.sse;
