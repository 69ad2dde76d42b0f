/**
 * Benchmarks of the history engines: bytes per value on realistic host series, append throughput
 * and query latency, compact store against the reference {@code SimpleHistoryStore}.
 */
package io.nodelink.metrics.bench.history;
