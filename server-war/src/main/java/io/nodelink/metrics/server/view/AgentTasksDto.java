package io.nodelink.metrics.server.api.dto;

import java.util.List;

/** {@code GET /agents/{id}/tasks}: the agent's tasks, newest first. */
public record AgentTasksDto(String agentId, List<TaskDto> tasks) {}
