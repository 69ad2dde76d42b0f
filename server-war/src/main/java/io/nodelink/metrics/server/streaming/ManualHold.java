package io.nodelink.metrics.server.streaming;

import java.util.List;

/**
 * A manual {@code metrics/start} that holds an agent's streaming until {@code metrics/stop}.
 *
 * @param agentId the agent
 * @param intervalSeconds the interval asked for
 * @param groups the metric groups asked for; empty means all
 */
public record ManualHold(String agentId, int intervalSeconds, List<String> groups) {

  public ManualHold {
    groups = List.copyOf(groups);
  }
}
