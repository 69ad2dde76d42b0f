/**
 * The Prometheus ecosystem end to end: a real Prometheus scraping {@code /metrics/prometheus} of a
 * real agent, {@code promtool}, and remote-write into real Prometheus and VictoriaMetrics.
 */
package it.prometheus;
