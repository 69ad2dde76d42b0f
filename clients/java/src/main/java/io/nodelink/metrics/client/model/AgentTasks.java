package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code GET /agents/{id}/tasks}: the tasks the server sent to one agent. */
public record AgentTasks(@JsonbProperty("agent_id") String agentId, List<TaskInfo> tasks) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public AgentTasks {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }
}
