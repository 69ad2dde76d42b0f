package io.nodelink.metrics.agent.stream;

import io.nodelink.metrics.agent.collect.MetricGroup;
import java.util.Set;

/**
 * What a stream was doing when its connection ended, so sampling can go on without it.
 *
 * @param taskId the stream's task id, carried by the snapshots kept for it
 * @param intervalSeconds its period
 * @param groups the groups it collected
 * @param nextSlotMillis wall-clock time of the sample it would have taken next, so sampling on
 *     without it keeps the same grid: no second is skipped or taken twice at the handover
 */
public record StreamSpec(
    String taskId, int intervalSeconds, Set<MetricGroup> groups, long nextSlotMillis) {
  public StreamSpec {
    groups = Set.copyOf(groups);
  }

  /** How long from {@code nowMillis} until the first slot on this stream's grid not yet past. */
  long delayToGridMillis(long nowMillis) {
    long period = intervalSeconds * 1000L;
    long late = nowMillis - nextSlotMillis;
    return late <= 0 ? -late : (period - late % period) % period;
  }
}
