/**
 * The storage and remote-write comparison: one synthetic fleet stored by the durable history store
 * (H2), and pushed through the server's remote-write sender to Prometheus's TSDB and to
 * VictoriaMetrics (Debian's binaries, started on loopback ports); bytes per sample on disk and
 * samples per second and per CPU-second of the push.
 */
package io.nodelink.metrics.bench.tsdb;
