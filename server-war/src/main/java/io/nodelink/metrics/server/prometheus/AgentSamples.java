package io.nodelink.metrics.server.prometheus;

import java.util.List;

/**
 * One snapshot of one agent in Prometheus terms.
 *
 * @param agentId the agent
 * @param timestampMillis when the agent measured it (the snapshot's timestamp)
 * @param samples the samples, families in {@link NodeExporterFamilies#ALL} order
 */
public record AgentSamples(String agentId, long timestampMillis, List<Sample> samples) {

  public AgentSamples {
    samples = List.copyOf(samples);
  }
}
