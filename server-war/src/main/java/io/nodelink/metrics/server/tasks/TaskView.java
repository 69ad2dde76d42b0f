package io.nodelink.metrics.server.tasks;

import java.time.Instant;

/**
 * A consistent copy of one task.
 *
 * @param taskId the id sent to the agent
 * @param agentId the agent the task was sent to
 * @param type what it asks
 * @param status where it stands
 * @param createdAt when it was created
 * @param updatedAt when its status last changed (or data last arrived for a stream)
 * @param message what happened, for people ("" if nothing)
 * @param error why it failed ("" unless failed)
 * @param intervalSeconds the stream interval for stream tasks, 0 otherwise
 */
public record TaskView(
    String taskId,
    String agentId,
    TaskType type,
    TaskStatus status,
    Instant createdAt,
    Instant updatedAt,
    String message,
    String error,
    int intervalSeconds) {

  public boolean isFinal() {
    return status.isFinal();
  }
}
