/** The NodeLink Metrics server: gRPC ingestion, store, REST API, SSE, health and metrics. */
package io.nodelink.metrics.server;
