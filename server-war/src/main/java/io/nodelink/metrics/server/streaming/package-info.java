/**
 * Continuous collection and streaming on demand: the collection baseline every connected agent
 * streams at, who holds streaming on an agent below it (SSE clients, a manual start), and the START
 * / UPDATE_INTERVAL / STOP commands that follow from it.
 */
package io.nodelink.metrics.server.streaming;
