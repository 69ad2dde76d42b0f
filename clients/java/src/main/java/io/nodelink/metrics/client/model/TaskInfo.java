package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /tasks/{id}}: a control task the server sent to an agent and how far it got.
 *
 * @param taskId the id sent to the agent
 * @param agentId the agent
 * @param type {@code system_info}, {@code metrics_start}, {@code metrics_stop}, {@code
 *     metrics_update} or {@code local}
 * @param status {@code pending}, {@code in_progress}, {@code completed}, {@code failed} or {@code
 *     cancelled}
 * @param createdAt RFC 3339 UTC
 * @param updatedAt RFC 3339 UTC, the last status change
 * @param message what happened, for people
 * @param error why it failed, {@code ""} otherwise
 * @param isFinal the status will not change any more
 * @param intervalSeconds the stream interval of stream tasks, 0 otherwise
 */
public record TaskInfo(
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("agent_id") String agentId,
    String type,
    String status,
    @JsonbProperty("created_at") String createdAt,
    @JsonbProperty("updated_at") String updatedAt,
    String message,
    String error,
    @JsonbProperty("is_final") boolean isFinal,
    @JsonbProperty("interval_seconds") long intervalSeconds) {

  /** When the server created the task. */
  public Optional<Instant> createdTime() {
    return Timestamps.parse(createdAt);
  }

  /** When the task's status last changed. */
  public Optional<Instant> updatedTime() {
    return Timestamps.parse(updatedAt);
  }
}
