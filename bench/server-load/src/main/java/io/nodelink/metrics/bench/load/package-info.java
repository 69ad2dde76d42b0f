/**
 * The server load benchmark: simulated agents over gRPC, SSE clients, and the figures (snapshots/s,
 * agent-send to SSE-receipt latency, heap per agent, errors) of one scenario per run.
 */
package io.nodelink.metrics.bench.load;
