package it.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How agent connections show up in {@code GET /metrics/agents}. */
class AgentConnectionIT {

  /** "At once" for an event the server learns about directly from its own gRPC stack. */
  private static final Duration AT_ONCE = Duration.ofSeconds(3);

  private TestAgent agent;
  private TestAgent other;

  @AfterEach
  void closeAgents() {
    if (agent != null) {
      agent.close();
    }
    if (other != null) {
      other.close();
    }
  }

  @Test
  void agentIsListedTheMomentItsStreamIsAcceptedBeforeAnyData() {
    String id = TestAgent.uniqueId("visible");
    Instant before = Instant.now().minusSeconds(2);
    agent = TestAgent.builder(id).answerSystemInfo(false).autoData(false).connect();

    JsonNode summary = Agents.awaitSummary(id, "listed", s -> true, AT_ONCE);

    ContractShapes.AGENT_SUMMARY.assertMatches(summary, "AgentSummary of " + id);
    assertThat(summary.path("agent_id").asText()).isEqualTo(id);
    assertThat(summary.path("connected").asBoolean()).as("connected").isTrue();
    assertThat(summary.path("status").asText()).isEqualTo("online");
    assertThat(summary.path("has_metrics").asBoolean()).as("has_metrics").isFalse();
    assertThat(summary.path("has_system_info").asBoolean()).as("has_system_info").isFalse();
    assertThat(summary.path("streaming_active").asBoolean()).as("streaming_active").isFalse();
    Instant lastSeen = Contract.assertRfc3339Utc(summary.path("last_seen").asText());
    assertThat(lastSeen).isBetween(before, Instant.now().plusSeconds(2));
    String lastUpdate = summary.path("last_update").asText();
    if (!lastUpdate.isEmpty()) {
      Contract.assertRfc3339Utc(lastUpdate);
    }
  }

  @Test
  void listingIsAnObjectKeyedByAgentId() {
    String id = TestAgent.uniqueId("keyed");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);

    JsonNode listing = Agents.listing();

    assertThat(listing.path("agents").isObject()).as("agents is an object: %s", listing).isTrue();
    listing
        .path("agents")
        .fields()
        .forEachRemaining(
            entry -> {
              ContractShapes.AGENT_SUMMARY.assertMatches(
                  entry.getValue(), "agents." + entry.getKey());
              assertThat(entry.getValue().path("agent_id").asText()).isEqualTo(entry.getKey());
            });
  }

  @Test
  void agentThatClosesItsStreamIsOfflineAtOnceAndStaysListed() {
    String id = TestAgent.uniqueId("closing");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);

    agent.closeStream();

    JsonNode summary = Agents.awaitOffline(id, AT_ONCE);
    assertThat(summary.path("status").asText()).isEqualTo("offline");
    assertThat(summary.path("streaming_active").asBoolean()).as("streaming_active").isFalse();
    Contract.assertRfc3339Utc(summary.path("last_seen").asText());
    assertThat(agent.awaitEnded().getCode())
        .as("the server completes the call the agent half-closed")
        .isEqualTo(Status.Code.OK);
  }

  @Test
  void agentWhoseConnectionDropsIsOfflineAtOnce() {
    String id = TestAgent.uniqueId("dropped");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);

    agent.kill();

    JsonNode summary = Agents.awaitOffline(id, AT_ONCE);
    assertThat(summary.path("status").asText()).isEqualTo("offline");
  }

  @Test
  void secondConnectionWithTheSameIdReplacesTheFirst() {
    String id = TestAgent.uniqueId("replaced");
    agent = TestAgent.builder(id).answerSystemInfo(false).connect();
    Agents.awaitOnline(id);

    other = TestAgent.connect(id);

    assertThat(agent.awaitEnded().getCode())
        .as("the server ends the replaced stream")
        .isNotEqualTo(Status.Code.UNAUTHENTICATED);
    await("agent to stay online after the old stream ended")
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> Agents.summary(id).map(s -> s.path("connected").asBoolean()).orElse(false));

    JsonNode refresh = Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", null));
    String taskId = refresh.path("task_id").asText();
    other.awaitRequest("the refresh " + taskId, r -> r.getTaskId().equals(taskId));
    assertThat(agent.received(r -> r.getTaskId().equals(taskId)))
        .as("the replaced connection gets nothing")
        .isEmpty();

    other.closeStream();
    Agents.awaitOffline(id, AT_ONCE);
  }

  @Test
  void agentThatReconnectsIsOnlineAgain() {
    String id = TestAgent.uniqueId("returning");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);
    agent.closeStream();
    Agents.awaitOffline(id, AT_ONCE);

    other = TestAgent.connect(id);

    JsonNode summary = Agents.awaitOnline(id);
    assertThat(summary.path("status").asText()).isEqualTo("online");
  }
}
