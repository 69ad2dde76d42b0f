/** Self-monitoring: MicroProfile Metrics of ingestion, SSE, history and the agents' collectors. */
package io.nodelink.metrics.server.monitoring;
