package io.nodelink.metrics.server.prometheus;

/**
 * CDI event: a snapshot was mapped to samples, in the order each agent's snapshots were measured.
 * Fired on the conversion task, never on the ingest thread; observers must only enqueue.
 *
 * @param samples the agent's samples
 */
public record SamplesConverted(AgentSamples samples) {}
