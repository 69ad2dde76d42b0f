/**
 * The fleet in Prometheus terms: each agent's snapshot mapped to node_exporter names and labels
 * (plus {@code nodelink_*} for what node_exporter lacks), with monotonic counters reconstructed
 * from the rates the contract carries. The exposition ({@code exposition}) and remote-write ({@code
 * remotewrite}) both read the samples made here; this package knows neither.
 */
package io.nodelink.metrics.server.prometheus;
