package io.nodelink.metrics.server.view;

/**
 * A control task ({@code GET /tasks/{id}}).
 *
 * @param taskId the id sent to the agent
 * @param agentId the agent
 * @param type {@code system_info}, {@code metrics_start}, {@code metrics_stop}, {@code
 *     metrics_update} or {@code local}
 * @param status {@code pending}, {@code in_progress}, {@code completed}, {@code failed} or {@code
 *     cancelled}
 * @param createdAt RFC 3339 UTC
 * @param updatedAt RFC 3339 UTC, last status change
 * @param message what happened, for people
 * @param error why it failed, {@code ""} otherwise
 * @param isFinal the status will not change any more
 * @param intervalSeconds the stream interval of stream tasks, 0 otherwise
 */
public record TaskDto(
    String taskId,
    String agentId,
    String type,
    String status,
    String createdAt,
    String updatedAt,
    String message,
    String error,
    boolean isFinal,
    int intervalSeconds) {}
