/**
 * {@code GET /metrics/prometheus}: the latest samples of the fleet in the Prometheus text format
 * 0.0.4 or OpenMetrics 1.0, written by the Prometheus client library's own writers.
 */
package io.nodelink.metrics.server.prometheus.exposition;
