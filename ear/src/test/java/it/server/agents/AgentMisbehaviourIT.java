package it.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.nodelink.metrics.pb.CollectionStats;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the server does when an agent sends too much, nonsense, or refuses a command. */
class AgentMisbehaviourIT {

  private TestAgent agent;

  @AfterEach
  void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void oversizedMessageEndsThatStreamOnlyAndTheServerCarriesOn() {
    String id = TestAgent.uniqueId("oversized");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);
    String huge = "x".repeat(9 * 1024 * 1024);

    agent.send(
        TaskResponse.newBuilder()
            .setAgentId(id)
            .setTaskId("unsolicited")
            .setStatus(TaskResponse.Status.IN_PROGRESS)
            .setMetricsResponse(
                MetricsResponse.newBuilder()
                    .setMetricsData(
                        Snapshots.sample(Snapshots.nowSeconds(), 1).toBuilder()
                            .setCollection(CollectionStats.newBuilder().addFailedCollectors(huge))))
            .build());

    Status ended = agent.awaitEnded();
    assertThat(ended.isOk()).as("stream of the oversized sender ends: %s", ended).isFalse();
    Agents.awaitOffline(id, Duration.ofSeconds(5));
    String next = TestAgent.uniqueId("after-oversized");
    try (TestAgent other = TestAgent.connect(next)) {
      Agents.awaitOnline(next);
    }
  }

  @Test
  void responsesForUnknownTasksAreIgnored() {
    String id = TestAgent.uniqueId("confused");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);

    agent.send(
        TaskResponse.newBuilder()
            .setAgentId(id)
            .setTaskId("no-such-task")
            .setStatus(TaskResponse.Status.COMPLETED)
            .setIsFinal(true)
            .build());
    agent.send(
        TaskResponse.newBuilder()
            .setAgentId(id)
            .setTaskId("")
            .setStatus(TaskResponse.Status.UNKNOWN)
            .build());

    JsonNode refresh = Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", null));
    String task = refresh.path("task_id").asText();
    agent.awaitRequest("refresh after nonsense", r -> r.getTaskId().equals(task));
    assertThat(Agents.summary(id).orElseThrow().path("connected").asBoolean()).isTrue();
    assertThat(agent.ended()).isNotDone();
  }

  @Test
  void refusedStartDoesNotLeaveStreamingMarkedActive() {
    String id = TestAgent.uniqueId("refusing");
    agent = TestAgent.builder(id).refuseStreaming().connect();
    Agents.awaitOnline(id);

    String task =
        Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"))
            .path("task_id")
            .asText();
    agent.awaitRequest("START", TaskRequests::isStart);

    await("task " + task + " to fail")
        .atMost(TestAgent.TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(Contract.assertOk(Api.get("/tasks/" + task)).path("status").asText())
                    .containsIgnoringCase("fail"));
    Agents.awaitStreaming(id, false);
  }
}
