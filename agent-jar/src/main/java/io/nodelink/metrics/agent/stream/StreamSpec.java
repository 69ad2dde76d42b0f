package io.nodelink.metrics.agent.stream;

import io.nodelink.metrics.agent.collect.MetricGroup;
import java.util.Set;

/**
 * What a stream was doing when its connection ended, so sampling can go on without it.
 *
 * @param taskId the stream's task id, carried by the snapshots kept for it
 * @param intervalSeconds its period
 * @param groups the groups it collected
 */
public record StreamSpec(String taskId, int intervalSeconds, Set<MetricGroup> groups) {
  public StreamSpec {
    groups = Set.copyOf(groups);
  }
}
