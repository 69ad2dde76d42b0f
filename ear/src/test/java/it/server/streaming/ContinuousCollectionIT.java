package it.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.server.inserver.Deployments;
import it.support.Api;
import it.support.ApiResponse;
import it.support.ItConfig;
import java.net.URI;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Continuous collection in the real server: a second copy of the server WAR, deployed with a
 * collection baseline of its own (the build's server runs with {@code nodelink.collection.interval
 * = 0}, so the other ITs see streaming on demand), keeps every connected agent streaming with
 * nobody watching; SSE clients and {@code metrics/start} lower the interval and the agent returns
 * to the baseline when they leave, never STOPped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContinuousCollectionIT {

  private static final String NAME = "arq-collection";
  private static final int BASELINE = 2;
  private static final int GRPC_PORT = Deployments.freePort();

  private TestAgent agent;
  private String id;

  @Deployment(name = NAME, testable = false)
  static WebArchive deployment() {
    return Deployments.serverWar(
        NAME,
        Map.of(
            "nodelink.grpc.port",
            GRPC_PORT,
            "nodelink.grpc.host",
            "127.0.0.1",
            "nodelink.collection.interval",
            BASELINE + "s"));
  }

  @BeforeEach
  void connectAgent() {
    id = TestAgent.uniqueId("collect");
    agent = TestAgent.builder(id).port(GRPC_PORT).connect();
    await("agent " + id + " online in " + NAME)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> summary().path("connected").asBoolean());
  }

  @AfterEach
  void closeAgent() {
    agent.close();
  }

  @Test
  void agentStreamsAtTheBaselineAndHistoryFillsWithNobodyWatching() {
    TaskRequest start = agent.awaitStart();

    assertThat(TaskRequests.interval(start)).isEqualTo(BASELINE);
    await("history points recorded with no holder")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> historyPoints() >= 2);
    JsonNode summary = summary();
    ContractShapes.AGENT_SUMMARY.assertMatches(summary, "AgentSummary of " + id);
    assertThat(summary.path("has_metrics").asBoolean()).isTrue();
    assertThat(summary.path("streaming_active").asBoolean())
        .as("streaming_active: only a stream a client asked for")
        .isFalse();
    assertThat(summary.path("streaming_wanted").asBoolean()).isFalse();
    assertThat(summary.path("collection_interval_seconds").asInt()).isEqualTo(BASELINE);
  }

  @Test
  void sseClientLowersTheIntervalAndItsLeavingReturnsToTheBaseline() {
    String streamTask = agent.awaitStreaming();

    try (SseTestClient client =
        SseTestClient.open(
            deploymentUri("agents/" + id + "/metrics/stream?interval=1"), Map.of())) {
      assertThat(client.awaitStatus()).isEqualTo(200);
      awaitAgentInterval(1);
      awaitSummary("streaming_active", true);
      assertThat(summary().path("collection_interval_seconds").asInt()).isEqualTo(1);
    }

    awaitAgentInterval(BASELINE);
    awaitSummary("streaming_active", false);
    assertThat(summary().path("collection_interval_seconds").asInt()).isEqualTo(BASELINE);
    assertThat(agent.streamingTaskId()).as("the same stream, never stopped").isEqualTo(streamTask);
    assertThat(agent.received(TaskRequests::isStop)).isEmpty();
  }

  @Test
  void manualStopReturnsToTheBaselineInsteadOfStopping() {
    agent.awaitStreaming();
    ApiResponse started =
        Api.send(
            "POST",
            deploymentUri("agents/" + id + "/metrics/start"),
            "{\"interval_seconds\": 1}",
            Map.of("Content-Type", "application/json"));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    awaitAgentInterval(1);

    ApiResponse stopped =
        Api.send("POST", deploymentUri("agents/" + id + "/metrics/stop"), null, Map.of());

    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    awaitAgentInterval(BASELINE);
    awaitSummary("streaming_wanted", false);
    assertThat(summary().path("collection_interval_seconds").asInt()).isEqualTo(BASELINE);
    assertThat(agent.received(TaskRequests::isStop)).isEmpty();
  }

  private void awaitAgentInterval(int seconds) {
    await(id + " streaming every " + seconds + " s (received: " + agent.summary() + ")")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> agent.streamingInterval() == seconds);
  }

  private void awaitSummary(String field, boolean value) {
    await(field + " = " + value)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> summary().path(field).asBoolean() == value);
  }

  private JsonNode summary() {
    return get("agents/" + id).json();
  }

  private int historyPoints() {
    return get("agents/" + id + "/metrics/history?metrics=cpu.usage_percent&interval=0")
        .json()
        .path("data_points")
        .size();
  }

  private static ApiResponse get(String path) {
    return Api.send("GET", deploymentUri(path), null, Map.of());
  }

  private static URI deploymentUri(String path) {
    return ItConfig.admin("/" + NAME + "/" + path);
  }
}
