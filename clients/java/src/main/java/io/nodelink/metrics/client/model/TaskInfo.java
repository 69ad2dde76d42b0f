package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code GET /tasks/{id}}: a task the server sent to an agent and how far it got. */
public record TaskInfo(
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("agent_id") String agentId,
    String type,
    String status) {}
