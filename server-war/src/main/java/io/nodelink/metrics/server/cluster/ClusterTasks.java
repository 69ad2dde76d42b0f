package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.view.AgentTasksDto;
import io.nodelink.metrics.server.view.TaskDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's tasks across the cluster. The agent's server holds the tasks made through it, but a
 * task stays with the server that made it, and the tasks of a server that is gone go to whichever
 * live server takes them over, which with three servers or more need not be the one the agent moved
 * to: each other server adds those it holds ({@link PeerQueries}).
 */
@ApplicationScoped
public class ClusterTasks {

  private static final Comparator<TaskDto> NEWEST_FIRST =
      Comparator.comparing((TaskDto task) -> Instant.parse(task.createdAt()))
          .reversed()
          .thenComparing(TaskDto::taskId);

  @Inject PeerQueries peers;

  /** {@code local} and the agent's tasks other servers hold, newest first, each task once. */
  public List<TaskDto> ofAgent(
      String agentId, List<TaskDto> local, Map<String, String> credentials) {
    String path = UriBuilder.fromPath("/agents/{id}/tasks").build(agentId).toString();
    Map<String, TaskDto> byId = new LinkedHashMap<>();
    local.forEach(task -> byId.putIfAbsent(task.taskId(), task));
    for (AgentTasksDto other : peers.askOthers(path, AgentTasksDto.class, credentials)) {
      if (other.tasks() != null) {
        other.tasks().forEach(task -> byId.putIfAbsent(task.taskId(), task));
      }
    }
    List<TaskDto> merged = new ArrayList<>(byId.values());
    merged.sort(NEWEST_FIRST);
    return merged;
  }
}
