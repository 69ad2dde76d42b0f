package io.nodelink.metrics.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.view.AgentTasksDto;
import io.nodelink.metrics.server.view.TaskDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's tasks held by several servers, as one listing. */
class ClusterTasksTest {

  @Test
  void tasksHeldElsewhereJoinThisServersNewestFirstEachOnce() {
    TaskDto madeHere = task("t2", "2026-12-02T05:00:02Z");
    TaskDto takenOverElsewhere = task("t1", "2026-12-02T05:00:01Z");
    TaskDto newestElsewhere = task("t3", "2026-12-02T05:00:03Z");
    List<String> asked = new ArrayList<>();
    ClusterTasks tasks = new ClusterTasks();
    tasks.peers =
        new PeerQueries() {
          @Override
          public <T> List<T> askOthers(
              String pathAndQuery, Class<T> type, Map<String, String> credentials) {
            asked.add(pathAndQuery);
            return List.of(
                type.cast(
                    new AgentTasksDto(
                        "web 1", List.of(newestElsewhere, takenOverElsewhere, madeHere))));
          }
        };

    List<TaskDto> merged = tasks.ofAgent("web 1", List.of(madeHere), Map.of());

    assertThat(merged).containsExactly(newestElsewhere, madeHere, takenOverElsewhere);
    assertThat(asked).containsExactly("/agents/web%201/tasks");
  }

  private static TaskDto task(String id, String createdAt) {
    return new TaskDto(
        id, "web 1", "metrics_start", "completed", createdAt, createdAt, "", "", true, 1);
  }
}
