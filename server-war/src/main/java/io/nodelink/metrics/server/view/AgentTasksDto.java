package io.nodelink.metrics.server.view;

import java.util.List;

/** {@code GET /agents/{id}/tasks}: the agent's tasks, newest first. */
public record AgentTasksDto(String agentId, List<TaskDto> tasks) {}
