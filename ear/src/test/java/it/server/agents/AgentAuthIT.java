package it.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Agent authentication: the test server accepts {@code agent1:token1}, {@code agent2:token2} and
 * any id with {@code shared-secret}; everything else fails with UNAUTHENTICATED before any message
 * flows and never shows up in the listing.
 */
class AgentAuthIT {

  private TestAgent agent;

  @AfterEach
  void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void agentWithItsOwnTokenIsAccepted() {
    agent = TestAgent.builder("agent2").token("token2").connect();

    Agents.awaitOnline("agent2");
  }

  @Test
  void wrongTokenIsRejectedAndNotListed() {
    assertRejected(TestAgent.builder(TestAgent.uniqueId("intruder")).token("not-a-token"));
  }

  @Test
  void tokenOfAnotherAgentIsRejected() {
    assertRejected(TestAgent.builder("agent2").token("token1"));
  }

  @Test
  void perAgentTokenDoesNotWorkForOtherIds() {
    assertRejected(TestAgent.builder(TestAgent.uniqueId("borrower")).token("token1"));
  }

  @Test
  void missingTokenIsRejected() {
    assertRejected(TestAgent.builder(TestAgent.uniqueId("tokenless")).token(null));
  }

  @Test
  void missingAgentIdIsRejected() {
    agent = TestAgent.builder(TestAgent.uniqueId("anonymous")).withoutIdMetadata().connect();

    assertThat(agent.awaitEnded().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(agent.received()).as("no command reaches an unauthenticated stream").isEmpty();
    assertThat(Agents.listing().path("agents").has("")).as("no agent with an empty id").isFalse();
  }

  @Test
  void serverTrustsTheAuthenticatedIdNotTheIdInMessages() {
    String id = TestAgent.uniqueId("honest");
    String spoofed = TestAgent.uniqueId("spoofed");
    agent = TestAgent.builder(id).autoData(false).connect();
    Agents.awaitOnline(id);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    String task = agent.awaitStreaming();

    agent.send(
        TaskResponse.newBuilder()
            .setAgentId(spoofed)
            .setTaskId(task)
            .setStatus(TaskResponse.Status.IN_PROGRESS)
            .setMetricsResponse(
                MetricsResponse.newBuilder()
                    .setMetricsData(Snapshots.sample(Snapshots.nowSeconds(), 66.5)))
            .build());

    await("snapshot stored under the authenticated id")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/metrics").status() == 200);
    var snapshot = Contract.assertOk(Api.get("/agents/" + id + "/metrics"));
    assertThat(snapshot.path("agent_id").asText()).isEqualTo(id);
    assertThat(snapshot.path("cpu").path("usage_percent").asDouble()).isEqualTo(66.5);
    assertThat(Agents.summary(spoofed)).as("the spoofed id is never registered").isEmpty();
    Contract.assertError(Api.get("/agents/" + spoofed + "/metrics"), 404);
  }

  private void assertRejected(TestAgent.Builder builder) {
    agent = builder.connect();
    String id = agent.agentId();

    Status status = agent.awaitEnded();

    assertThat(status.getCode()).as("status of %s", id).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(agent.received()).as("no command reaches an unauthenticated stream").isEmpty();
    if (!id.startsWith("agent")) {
      await("rejected agent never listed")
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> Agents.summary(id).isEmpty());
    }
  }
}
