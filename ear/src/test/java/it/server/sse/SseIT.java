package it.server.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import io.nodelink.metrics.testkit.sse.SseEvent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import it.support.ItConfig;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /agents/{id}/metrics/stream}: events, on-demand streaming, status events. */
class SseIT {

  /** "A disconnect is noticed within seconds" (keepalives at most every 15 s). */
  private static final Duration DISCONNECT_NOTICED = Duration.ofSeconds(17);

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private TestAgent agent(TestAgent.Builder builder) {
    TestAgent agent = builder.connect();
    resources.add(agent);
    Agents.awaitOnline(agent.agentId());
    return agent;
  }

  private SseTestClient sse(String agentId, String query) {
    SseTestClient client = SseTestClient.open("/agents/" + agentId + "/metrics/stream" + query);
    resources.add(client);
    return client;
  }

  @Test
  void currentSnapshotIsSentOnConnectAndEachSnapshotIsOneNamedOneLineEvent() {
    String id = TestAgent.uniqueId("sse-snap");
    TestAgent agent = agent(TestAgent.builder(id).autoData(false));
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    agent.awaitStreaming();
    agent.sendData(Snapshots.sample(Snapshots.nowSeconds(), 33.25));
    await("current snapshot")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/metrics").status() == 200);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/stop", null));
    Agents.awaitStreaming(id, false);

    SseTestClient client = sse(id, "");

    assertThat(client.awaitStatus()).isEqualTo(200);
    assertThat(client.awaitHeaders().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    SseEvent first = client.awaitEvent("metrics", 1);
    assertThat(first.dataLines()).as("data is one line").isEqualTo(1);
    ContractShapes.METRICS_SNAPSHOT.assertMatches(first.json(), "SSE metrics data");
    assertThat(first.json().path("agent_id").asText()).isEqualTo(id);
    assertThat(first.json().path("cpu").path("usage_percent").asDouble())
        .as("the snapshot the server had before anything new arrived")
        .isEqualTo(33.25);

    TaskRequest start = agent.awaitRequest("START for the SSE client", TaskRequests::isStart, 2);
    assertThat(TaskRequests.interval(start)).as("default interval").isEqualTo(5);
    agent.awaitStreaming();
    agent.sendData(Snapshots.sample(Snapshots.nowSeconds(), 44.5));
    SseEvent next =
        client.awaitEvent(
            "metrics", e -> e.json().path("cpu").path("usage_percent").asDouble() == 44.5);
    assertThat(next.dataLines()).isEqualTo(1);
    assertThat(client.events()).allSatisfy(e -> assertThat(e.name()).isIn("metrics", "status"));
  }

  @Test
  void firstClientStartsStreamingLaterClientsShareItAndTheLastOneStopsIt() {
    String id = TestAgent.uniqueId("sse-share");
    TestAgent agent = agent(TestAgent.builder(id));

    SseTestClient first = sse(id, "?interval=5");
    TaskRequest start = agent.awaitStart();
    assertThat(TaskRequests.interval(start)).isEqualTo(5);
    Agents.awaitStreaming(id, true);
    first.awaitEvent("metrics", 1);

    SseTestClient second = sse(id, "?interval=2");
    TaskRequest faster = agent.awaitRequest("UPDATE_INTERVAL(2)", TaskRequests::isUpdateInterval);
    assertThat(TaskRequests.interval(faster)).as("smallest interval wins").isEqualTo(2);
    second.awaitEvent("metrics", 1);
    int eventsOfFirst = first.events("metrics").size();
    first.awaitEvent("metrics", eventsOfFirst + 1);

    SseTestClient slower = sse(id, "?interval=10");
    slower.awaitEvent("metrics", 1);
    assertThat(agent.received(TaskRequests::isStart)).as("clients share one stream").hasSize(1);
    assertThat(agent.received(TaskRequests::isUpdateInterval))
        .as("a slower client does not slow the stream")
        .hasSize(1);

    slower.close();
    second.close();
    TaskRequest back =
        agent.awaitRequest(
            "UPDATE_INTERVAL back to 5 once the 2 s client left",
            r -> TaskRequests.isUpdateInterval(r) && TaskRequests.interval(r) == 5);
    assertThat(agent.received(TaskRequests::isStop)).as("first client still holds it").isEmpty();
    assertThat(back).isNotNull();

    first.close();
    await("STOP after the last client left")
        .atMost(DISCONNECT_NOTICED)
        .until(() -> !agent.received(TaskRequests::isStop).isEmpty());
    Agents.awaitStreaming(id, false);
    assertThat(agent.received(TaskRequests::isStart)).hasSize(1);
  }

  @Test
  void agentThatComesBackResumesStreamingByItselfAndClientsSeeStatusEvents() {
    String id = TestAgent.uniqueId("sse-resume");
    TestAgent agent = agent(TestAgent.builder(id));
    SseTestClient client = sse(id, "?interval=1");
    agent.awaitStart();
    client.awaitEvent("metrics", 1);

    agent.kill();

    SseEvent offline =
        client.awaitEvent("status", e -> !e.json().path("connected").asBoolean(true));
    assertThat(offline.json().path("agent_id").asText()).isEqualTo(id);
    assertThat(offline.json().path("connected").isBoolean()).isTrue();

    TestAgent returned = agent(TestAgent.builder(id));
    returned.setCpuPercent(88.75);
    TaskRequest start = returned.awaitStart();
    assertThat(TaskRequests.interval(start)).as("the client's interval").isEqualTo(1);
    SseEvent online =
        client.awaitEventAfter(offline, "status", e -> e.json().path("connected").asBoolean(false));
    assertThat(online.json().path("agent_id").asText()).isEqualTo(id);
    client.awaitEventAfter(
        online, "metrics", e -> e.json().path("cpu").path("usage_percent").asDouble() == 88.75);
    Agents.awaitStreaming(id, true);
  }

  @Test
  void idleStreamGetsKeepaliveComments() {
    String id = TestAgent.uniqueId("sse-idle");
    agent(TestAgent.builder(id).autoData(false));

    SseTestClient client = sse(id, "?interval=1");

    assertThat(client.awaitStatus()).isEqualTo(200);
    await("a keepalive comment")
        .atMost(Duration.ofSeconds(16))
        .until(() -> !client.comments().isEmpty());
    assertThat(client.events("metrics")).as("no data was sent").isEmpty();
  }

  @Test
  void crossOriginClientsGetCorsHeaders() {
    String id = TestAgent.uniqueId("sse-cors");
    agent(TestAgent.builder(id));
    String origin = "http://dashboard.example.test";

    SseTestClient client =
        SseTestClient.open(
            "/agents/" + id + "/metrics/stream?interval=1", Map.of("Origin", origin));
    resources.add(client);
    HttpHeaders headers = client.awaitHeaders();
    assertThat(headers.firstValue("Access-Control-Allow-Origin"))
        .as("Access-Control-Allow-Origin of the stream")
        .hasValueSatisfying(value -> assertThat(value).isIn("*", origin));

    ApiResponse preflight =
        Api.send(
            "OPTIONS",
            ItConfig.api("/agents/" + id + "/metrics/stream?interval=1"),
            null,
            Map.of(
                "Origin", origin,
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "cache-control,last-event-id"));
    assertThat(preflight.status()).as(preflight.describe()).isIn(200, 204);
    assertThat(preflight.header("Access-Control-Allow-Origin"))
        .as("preflight Access-Control-Allow-Origin")
        .hasValueSatisfying(value -> assertThat(value).isIn("*", origin));
    assertThat(preflight.header("Access-Control-Allow-Methods"))
        .as("preflight Access-Control-Allow-Methods")
        .hasValueSatisfying(value -> assertThat(value.toUpperCase()).contains("GET"));

    ApiResponse listing =
        Api.send("GET", ItConfig.api("/metrics/agents"), null, Map.of("Origin", origin));
    assertThat(listing.header("Access-Control-Allow-Origin"))
        .as("REST answers carry CORS headers too (the TypeScript client calls them cross-origin)")
        .hasValueSatisfying(value -> assertThat(value).isIn("*", origin));
  }

  @Test
  void unknownAgentIs404AndBadIntervalIs400() {
    String id = TestAgent.uniqueId("sse-bad");
    agent(TestAgent.builder(id));

    Contract.assertError(
        Api.get("/agents/" + TestAgent.uniqueId("nobody") + "/metrics/stream"), 404);
    for (String interval : List.of("0", "301", "-1", "abc", "2.5")) {
      Contract.assertError(Api.get("/agents/" + id + "/metrics/stream?interval=" + interval), 400);
    }
  }

  @Test
  void snapshotEventsFollowTheAgentsData() {
    String id = TestAgent.uniqueId("sse-flow");
    TestAgent agent = agent(TestAgent.builder(id));
    agent.setCpuPercent(10.5);
    SseTestClient client = sse(id, "?interval=1");
    client.awaitEvent(
        "metrics", e -> e.json().path("cpu").path("usage_percent").asDouble() == 10.5);

    agent.setCpuPercent(20.5);

    SseEvent event =
        client.awaitEvent(
            "metrics", e -> e.json().path("cpu").path("usage_percent").asDouble() == 20.5);
    JsonNode data = event.json();
    assertThat(data.path("timestamp").asLong())
        .isBetween(Snapshots.nowSeconds() - 10, Snapshots.nowSeconds() + 1);
    assertThat(agent.received(TaskRequests::isStart)).hasSize(1);
  }
}
