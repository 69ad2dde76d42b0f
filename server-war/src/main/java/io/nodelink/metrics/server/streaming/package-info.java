/**
 * Streaming on demand: who holds streaming on an agent (SSE clients, a manual start) and the START
 * / UPDATE_INTERVAL / STOP commands that follow from it.
 */
package io.nodelink.metrics.server.streaming;
