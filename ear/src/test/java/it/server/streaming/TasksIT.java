package it.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /tasks/{id}}, {@code DELETE /tasks/{id}} and {@code GET /agents/{id}/tasks}. */
class TasksIT {

  private TestAgent agent;

  @AfterEach
  void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  private String connect(String prefix) {
    String id = TestAgent.uniqueId(prefix);
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);
    return id;
  }

  @Test
  void deletingTheStreamingTaskCancelsItOnTheAgentAndStopsStreaming() {
    String id = connect("cancel");
    String taskId =
        Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"))
            .path("task_id")
            .asText();
    agent.awaitStreaming();
    Agents.awaitStreaming(id, true);

    JsonNode cancelled = Contract.assertOk(Api.delete("/tasks/" + taskId));

    assertThat(cancelled.path("message").asText()).isEqualTo("task cancelled");
    TaskRequest cancel = agent.awaitRequest("cancel of " + taskId, TaskRequests::isCancel);
    assertThat(cancel.getTaskId()).isEqualTo(taskId);
    Agents.awaitStreaming(id, false);
  }

  @Test
  void streamingTaskCanBeLookedUp() {
    String id = connect("lookup");
    String taskId =
        Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 2}"))
            .path("task_id")
            .asText();
    agent.awaitStreaming();

    JsonNode task = Contract.assertOk(Api.get("/tasks/" + taskId));

    assertThat(task.path("task_id").asText()).isEqualTo(taskId);
    assertThat(task.path("agent_id").asText()).isEqualTo(id);
    assertThat(task.path("status").isTextual()).as("status in %s", task).isTrue();
  }

  @Test
  void agentTasksListsTheAgentsTasks() {
    String id = connect("tasklist");
    String refresh =
        Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", null))
            .path("task_id")
            .asText();
    String start =
        Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"))
            .path("task_id")
            .asText();
    agent.awaitStreaming();
    String stop =
        Contract.assertOk(Api.post("/agents/" + id + "/metrics/stop", null))
            .path("task_id")
            .asText();

    JsonNode tasks = Contract.assertOk(Api.get("/agents/" + id + "/tasks"));

    assertThat(tasks.path("agent_id").asText()).isEqualTo(id);
    assertThat(tasks.path("tasks").isArray()).as("tasks array in %s", tasks).isTrue();
    List<String> ids = new ArrayList<>();
    tasks.path("tasks").forEach(task -> ids.add(task.path("task_id").asText()));
    assertThat(ids).contains(refresh, start, stop);
    tasks.path("tasks").forEach(task -> assertThat(task.path("agent_id").asText()).isEqualTo(id));
  }

  @Test
  void unknownTasksAre404() {
    Contract.assertError(Api.get("/tasks/no-such-task-" + TestAgent.uniqueId("t")), 404);
    Contract.assertError(Api.delete("/tasks/no-such-task-" + TestAgent.uniqueId("t")), 404);
    Contract.assertError(Api.get("/agents/" + TestAgent.uniqueId("nobody") + "/tasks"), 404);
  }

  @Test
  void agentTasksOfAFreshAgentIsAnArray() {
    String id = connect("idle");

    JsonNode tasks = Contract.assertOk(Api.get("/agents/" + id + "/tasks"));

    assertThat(tasks.path("agent_id").asText()).isEqualTo(id);
    assertThat(tasks.path("tasks").isArray()).as("tasks array in %s", tasks).isTrue();
  }
}
