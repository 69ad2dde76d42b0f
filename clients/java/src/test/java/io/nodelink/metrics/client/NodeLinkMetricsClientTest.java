package io.nodelink.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nodelink.metrics.client.model.AgentSummary;
import io.nodelink.metrics.client.model.History;
import io.nodelink.metrics.client.model.MetricsSnapshot;
import io.nodelink.metrics.client.model.NetworkMetrics;
import io.nodelink.metrics.client.model.StreamingRequest;
import io.nodelink.metrics.client.model.SystemInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST calls against contract-shaped answers from a local server, through real Jersey. */
class NodeLinkMetricsClientTest {

  private ContractServer server;
  private NodeLinkMetricsClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ContractServer();
    client = NodeLinkMetricsClient.create(server.baseUri());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void agentListReadsEverySummaryField() {
    server.resource("GET", "/metrics/agents", "agents.json");

    AgentSummary agent = client.getAllAgents().agents().get("agent1");

    assertThat(agent)
        .isEqualTo(
            new AgentSummary(
                "agent1",
                true,
                "online",
                "2026-11-28T10:00:05Z",
                "",
                true,
                false,
                true,
                true,
                5,
                5));
    assertThat(agent.online()).isTrue();
    assertThat(agent.lastSeenTime()).contains(Instant.parse("2026-11-28T10:00:05Z"));
    assertThat(agent.lastUpdateTime()).isEmpty();
  }

  @Test
  void snapshotMapsSnakeCaseFieldsAtEveryLevel() {
    server.resource("GET", "/agents/agent1/metrics", "snapshot.json");

    MetricsSnapshot snapshot = client.getCurrentMetrics("agent1");

    assertThat(snapshot.agentId()).isEqualTo("agent1");
    assertThat(snapshot.timestamp()).isEqualTo(1_795_000_000L);
    assertThat(snapshot.cpu().usagePercent()).isEqualTo(12.5);
    assertThat(snapshot.cpu().coreUsage()).containsExactly(10.0, 15.0);
    assertThat(snapshot.cpu().iowaitPercent()).isEqualTo(0.25);
    assertThat(snapshot.memory().totalBytes()).isEqualTo(17_179_869_184L);
    assertThat(snapshot.memory().buffersBytes()).isEqualTo(1024);
    assertThat(snapshot.memory().swapTotalBytes()).isEqualTo(Long.MAX_VALUE);
    assertThat(snapshot.disks())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.mountPoint()).isEqualTo("/");
              assertThat(d.readBytesPerSec()).isEqualTo(1_572_864L);
              assertThat(d.ioUtilPercent()).isEqualTo(0.5);
            });
    assertThat(snapshot.networkInterfaces())
        .containsExactly(new NetworkMetrics("eth0", 1000, 18_750_000, 10, 20, 1, 2, 3, 4));
    assertThat(snapshot.processes().totalProcesses()).isEqualTo(120);
    assertThat(snapshot.processes().taskProcesses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.taskId()).isEqualTo("postgres");
              assertThat(p.virtualMemoryBytes()).isEqualTo(2_097_152L);
            });
    assertThat(snapshot.load().load15()).isEqualTo(0.125);
    assertThat(snapshot.collection().durationMs()).isEqualTo(31.5);
    assertThat(snapshot.collection().failedCollectors()).containsExactly("sensors");
  }

  @Test
  void systemInfoMapsHardwareSoftwareAndInterfaces() {
    server.resource("GET", "/agents/agent1/system", "system.json");

    SystemInfo info = client.getSystemInfo("agent1");

    assertThat(info.hardware().cpu().maxFrequencyGhz()).isEqualTo(3.5);
    assertThat(info.hardware().cpu().features()).containsExactly("sse4_2", "avx2");
    assertThat(info.hardware().memory().speedMhz()).isEqualTo(3200);
    assertThat(info.hardware().disks())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.diskType()).isEqualTo("ssd");
              assertThat(d.filesystem()).isEqualTo("ext4");
            });
    assertThat(info.hardware().threadCount()).isEqualTo(4);
    assertThat(info.software().os().kernelVersion()).isEqualTo("6.1.0");
    assertThat(info.software().uptimeSeconds()).isEqualTo(8100);
    assertThat(info.software().packages())
        .singleElement()
        .satisfies(p -> assertThat(p.packageManager()).isEqualTo("dpkg"));
    assertThat(info.networkInterfaces())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.macAddress()).isEqualTo("00:11:22:33:44:55");
              assertThat(n.ipAddresses()).containsExactly("127.0.0.1", "::1");
              assertThat(n.isUp()).isTrue();
            });
  }

  @Test
  void missingListsReadAsEmptyNotNull() {
    server.json("GET", "/agents/agent1/metrics", 200, "{\"agent_id\":\"agent1\",\"cpu\":{}}");

    MetricsSnapshot snapshot = client.getCurrentMetrics("agent1");

    assertThat(snapshot.disks()).isEmpty();
    assertThat(snapshot.networkInterfaces()).isEmpty();
    assertThat(snapshot.cpu().coreUsage()).isEmpty();
  }

  @Test
  void agentIdIsEncodedAsOnePathSegment() {
    server.resource("GET", "/agents/a%20b%2Fc/metrics", "snapshot.json");

    assertThat(client.getCurrentMetrics("a b/c").agentId()).isEqualTo("agent1");
  }

  @Test
  void startSendsTheContractBody() {
    server.json(
        "POST",
        "/agents/agent1/metrics/start",
        200,
        "{\"message\":\"started\",\"task_id\":\"t1\",\"interval_seconds\":3}");

    var started =
        client.startMetricsStreaming("agent1", StreamingRequest.every(3).withGroups("cpu", "load"));

    assertThat(started.taskId()).isEqualTo("t1");
    assertThat(started.intervalSeconds()).isEqualTo(3);
    assertThat(server.last().contentType()).startsWith("application/json");
    assertThat(server.last().body())
        .isEqualTo("{\"interval_seconds\":3,\"metrics\":[\"cpu\",\"load\"]}");
  }

  @Test
  void startWithDefaultsLeavesTheIntervalToTheServer() {
    server.json(
        "POST",
        "/agents/agent1/metrics/start",
        200,
        "{\"message\":\"started\",\"task_id\":\"t1\",\"interval_seconds\":5}");

    client.startMetricsStreaming("agent1");

    assertThat(server.last().body()).isEqualTo("{\"metrics\":[]}");
  }

  @Test
  void refreshAndStopPostAnEmptyObject() {
    server.json(
        "POST", "/agents/agent1/system/refresh", 200, "{\"message\":\"ok\",\"task_id\":\"r1\"}");
    server.json(
        "POST", "/agents/agent1/metrics/stop", 200, "{\"message\":\"ok\",\"task_id\":\"s1\"}");

    assertThat(client.refreshSystemInfo("agent1").taskId()).isEqualTo("r1");
    assertThat(server.last().body()).isEqualTo("{}");
    assertThat(client.stopMetricsStreaming("agent1").taskId()).isEqualTo("s1");
  }

  @Test
  void historySendsEveryParameter() {
    server.resource(
        "GET",
        "/agents/agent1/metrics/history?metrics=cpu.usage_percent%2Cload.load1"
            + "&start=100&end=200&interval=60&max_points=10&agg=max",
        "history.json");

    History history =
        client.getHistoricalMetrics(
            "agent1",
            HistoryQuery.of("cpu.usage_percent", "load.load1")
                .from(100)
                .to(200)
                .interval(60)
                .maxPoints(10)
                .aggregation(HistoryAggregation.MAX));

    assertThat(history.intervalSeconds()).isEqualTo(60);
    assertThat(history.totalPoints()).isEqualTo(2);
    assertThat(history.truncated()).isFalse();
    assertThat(history.dataPoints()).hasSize(2);
    assertThat(history.dataPoints().get(0).values())
        .isEqualTo(Map.of("cpu.usage_percent", 12.5, "load.load1", 0.5));
  }

  @Test
  void historyWithoutParametersSendsNone() {
    server.resource("GET", "/agents/agent1/metrics/history", "history.json");

    client.getHistoricalMetrics("agent1", HistoryQuery.all());

    assertThat(server.last().rawPathAndQuery()).isEqualTo("/agents/agent1/metrics/history");
  }

  @Test
  void seriesTasksAndCancelUseTheirPaths() {
    String task =
        "{\"task_id\":\"t 1\",\"agent_id\":\"agent1\",\"type\":\"metrics_start\","
            + "\"status\":\"in_progress\",\"created_at\":\"2026-11-28T10:00:00Z\","
            + "\"updated_at\":\"2026-11-28T10:00:01Z\",\"message\":\"streaming\","
            + "\"error\":\"\",\"is_final\":false,\"interval_seconds\":5}";
    server.json(
        "GET",
        "/agents/agent1/metrics/series",
        200,
        "{\"agent_id\":\"agent1\",\"series\":[\"cpu.usage_percent\"]}");
    server.json("GET", "/tasks/t%201", 200, task);
    server.json("DELETE", "/tasks/t%201", 200, "{\"message\":\"task cancelled\"}");
    server.json(
        "GET", "/agents/agent1/tasks", 200, "{\"agent_id\":\"agent1\",\"tasks\":[" + task + "]}");

    assertThat(client.getMetricSeries("agent1").series()).containsExactly("cpu.usage_percent");
    assertThat(client.getTask("t 1"))
        .satisfies(
            t -> {
              assertThat(t.status()).isEqualTo("in_progress");
              assertThat(t.isFinal()).isFalse();
              assertThat(t.intervalSeconds()).isEqualTo(5);
              assertThat(t.createdTime()).contains(Instant.parse("2026-11-28T10:00:00Z"));
              assertThat(t.updatedAt()).isEqualTo("2026-11-28T10:00:01Z");
            });
    assertThat(client.cancelTask("t 1").message()).isEqualTo("task cancelled");
    assertThat(client.getAgentTasks("agent1").tasks())
        .singleElement()
        .satisfies(t -> assertThat(t.type()).isEqualTo("metrics_start"));
  }

  @Test
  void jsonErrorCarriesStatusTextAndDetails() {
    server.json(
        "GET",
        "/agents/ghost/metrics",
        404,
        "{\"error\":\"agent not found\",\"details\":{\"agent_id\":\"ghost\"}}");

    NodeLinkClientException e =
        catchThrowableOfType(
            NodeLinkClientException.class, () -> client.getCurrentMetrics("ghost"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.error()).isEqualTo("agent not found");
    assertThat(e.details()).isEqualTo(Map.of("agent_id", "ghost"));
    assertThat(e.request()).isEqualTo("GET /agents/ghost/metrics");
    assertThat(e).hasMessage("GET /agents/ghost/metrics failed: HTTP 404: agent not found");
  }

  @Test
  void badRequestComesBackAsIs() {
    server.json(
        "POST", "/agents/agent1/metrics/start", 400, "{\"error\":\"interval out of range\"}");

    assertThatThrownBy(() -> client.startMetricsStreaming("agent1", StreamingRequest.every(0)))
        .isInstanceOfSatisfying(
            NodeLinkClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error()).isEqualTo("interval out of range");
            });
  }

  @Test
  void htmlErrorPageGivesTheReasonPhraseAndKeepsTheText() {
    server.on(
        "GET",
        "/metrics/agents",
        ex -> ContractServer.send(ex, 502, "text/html", "<html> bad\n gateway </html>"));

    NodeLinkClientException e =
        catchThrowableOfType(NodeLinkClientException.class, client::getAllAgents);

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.error()).isEqualTo("Bad Gateway");
    assertThat(e.details()).isEqualTo("<html> bad gateway </html>");
  }

  @Test
  void successThatIsNotJsonIsAnError() {
    server.on("GET", "/metrics/agents", ex -> ContractServer.send(ex, 200, "text/html", "<html/>"));

    NodeLinkClientException e =
        catchThrowableOfType(NodeLinkClientException.class, client::getAllAgents);

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.error()).startsWith("unreadable answer");
  }

  @Test
  void noServerGivesStatusZero() throws Exception {
    URI gone;
    try (ContractServer closed = new ContractServer()) {
      gone = closed.baseUri();
    }
    try (NodeLinkMetricsClient nowhere = NodeLinkMetricsClient.create(gone)) {
      NodeLinkClientException e =
          catchThrowableOfType(NodeLinkClientException.class, nowhere::getAllAgents);

      assertThat(e.status()).isZero();
      assertThat(e.error()).contains("ConnectException");
      assertThat(e).hasCauseInstanceOf(jakarta.ws.rs.ProcessingException.class);
    }
  }

  @Test
  void requestRecordsKeepTheirLists() {
    assertThat(StreamingRequest.defaults().metrics()).isEqualTo(List.of());
    assertThat(HistoryQuery.all().metrics()).isEmpty();
  }
}
