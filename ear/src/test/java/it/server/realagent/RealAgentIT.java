package it.server.realagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.AgentProcess;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real agent ({@code java -jar nodelink-agent.jar}) against the real server: registration,
 * system info, streaming, SSE, and what happens when the process dies.
 */
class RealAgentIT {

  /** A killed process's sockets are closed by the kernel; keepalive is the backstop. */
  private static final Duration OFFLINE_AFTER_KILL = Duration.ofSeconds(15);

  private AgentProcess agent;

  @BeforeEach
  void requireAgentJar() {
    AgentProcess.assumeAgentJar();
  }

  @AfterEach
  void killAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void realAgentRegistersAnswersSystemInfoAndStreams() {
    agent = AgentProcess.start("agent1", "token1");
    Agents.awaitSummary(
        "agent1", "online", s -> s.path("connected").asBoolean(), Duration.ofSeconds(30));

    Contract.assertOk(Api.post("/agents/agent1/system/refresh", null));
    await("system info of the real agent")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/agent1/system").status() == 200);
    JsonNode info = Contract.assertOk(Api.get("/agents/agent1/system"));
    ContractShapes.SYSTEM_INFO.assertMatches(info, "real SystemInfo");
    assertThat(info.path("software").path("hostname").asText()).isNotBlank();
    assertThat(info.path("hardware").path("core_count").asInt()).isPositive();
    assertThat(info.path("hardware").path("memory").path("total_bytes").asLong()).isPositive();

    Contract.assertOk(Api.post("/agents/agent1/metrics/start", "{\"interval_seconds\": 1}"));
    await("metrics of the real agent")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/agent1/metrics").status() == 200);
    JsonNode snapshot = Contract.assertOk(Api.get("/agents/agent1/metrics"));
    ContractShapes.METRICS_SNAPSHOT.assertMatches(snapshot, "real MetricsSnapshot");
    assertThat(snapshot.path("cpu").path("usage_percent").asDouble()).isBetween(0.0, 100.0);
    assertThat(snapshot.path("memory").path("total_bytes").asLong()).isPositive();
    assertThat(snapshot.path("timestamp").asLong())
        .isBetween(Snapshots.nowSeconds() - 10, Snapshots.nowSeconds() + 1);
    long first = snapshot.path("timestamp").asLong();
    await("a newer snapshot a second later")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/agent1/metrics").json().path("timestamp").asLong() > first);

    Contract.assertOk(Api.post("/agents/agent1/metrics/stop", null));
    Agents.awaitStreaming("agent1", false);
  }

  @Test
  void killedAgentGoesOffline() {
    String id = TestAgent.uniqueId("real-kill");
    agent = AgentProcess.start(id, "shared-secret");
    Agents.awaitSummary(id, "online", s -> s.path("connected").asBoolean(), Duration.ofSeconds(30));

    agent.kill9();

    JsonNode summary = Agents.awaitOffline(id, OFFLINE_AFTER_KILL);
    assertThat(summary.path("status").asText()).isEqualTo("offline");
  }

  @Test
  void terminatedAgentGoesOfflineAtOnce() {
    String id = TestAgent.uniqueId("real-term");
    agent = AgentProcess.start(id, "shared-secret");
    Agents.awaitSummary(id, "online", s -> s.path("connected").asBoolean(), Duration.ofSeconds(30));

    agent.terminate();

    Agents.awaitOffline(id, Duration.ofSeconds(3));
  }

  @Test
  void sseClientDrivesTheRealAgent() {
    String id = TestAgent.uniqueId("real-sse");
    agent = AgentProcess.start(id, "shared-secret");
    Agents.awaitSummary(id, "online", s -> s.path("connected").asBoolean(), Duration.ofSeconds(30));

    try (SseTestClient client =
        SseTestClient.open("/agents/" + id + "/metrics/stream?interval=1")) {
      JsonNode data = client.awaitEvent("metrics", 2).json();
      ContractShapes.METRICS_SNAPSHOT.assertMatches(data, "SSE data from the real agent");
      Agents.awaitStreaming(id, true);
    }

    Agents.awaitStreaming(id, false);
  }

  @Test
  void agentWithWrongTokenIsNeverListed() {
    String id = TestAgent.uniqueId("real-bad-token");
    agent = AgentProcess.start(id, "wrong-token");

    await("agent with a wrong token stays unlisted")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> Agents.summary(id).isEmpty());
  }
}
