package it.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Metrics on the admin port carries the application's own metrics, and the two ports
 * keep their endpoints apart.
 */
class AdminMetricsIT {

  @Test
  void applicationMetricsDescribeAgentsIngestionSseAndStore() {
    String id = TestAgent.uniqueId("metered");
    try (TestAgent agent = TestAgent.connect(id)) {
      Agents.awaitOnline(id);
      SseTestClient client = SseTestClient.open("/agents/" + id + "/metrics/stream?interval=1");
      client.awaitEvent("metrics", 2);

      ApiResponse response = Api.admin("/metrics?scope=application");

      assertThat(response.status()).as(response.describe()).isEqualTo(200);
      List<String> names = metricNames(response.body());
      assertThat(names).as("application metrics").isNotEmpty();
      assertHasMetric(names, "agents connected", "agent", "connect");
      assertHasMetric(names, "snapshots received", "snapshot");
      assertHasMetric(names, "SSE clients", "sse");
      assertHasMetric(names, "ingestion latency", "latency");
      assertHasMetric(names, "history store size", "history", "size");
      assertHasMetric(names, "agent collection duration", "collection");
      assertThat(value(response.body(), "agent", "connect"))
          .as("agents connected while one is")
          .isGreaterThanOrEqualTo(1.0);
      client.close();
    }
  }

  @Test
  void snapshotCounterGrowsWithIngestion() {
    String id = TestAgent.uniqueId("counted");
    try (TestAgent agent = TestAgent.connect(id)) {
      Agents.awaitOnline(id);
      double before = value(Api.admin("/metrics?scope=application").body(), "snapshot", "received");
      Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));

      await("snapshots counter to grow")
          .atMost(TestAgent.TIMEOUT)
          .until(
              () ->
                  value(Api.admin("/metrics?scope=application").body(), "snapshot", "received")
                      >= before + 2);
    }
  }

  @Test
  void bufferedSnapshotsAreCountedApart() {
    String id = TestAgent.uniqueId("buffered");
    try (TestAgent agent = TestAgent.connect(id)) {
      Agents.awaitOnline(id);
      Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 60}"));
      await("the stream to start")
          .atMost(TestAgent.TIMEOUT)
          .until(() -> agent.streamingTaskId() != null);
      double before = value(Api.admin("/metrics?scope=application").body(), "snapshot", "buffered");

      agent.sendData(
          Snapshots.sample(Snapshots.nowSeconds() - 30).toBuilder().setBuffered(true).build());

      await("buffered counter to grow")
          .atMost(TestAgent.TIMEOUT)
          .until(
              () ->
                  value(Api.admin("/metrics?scope=application").body(), "snapshot", "buffered")
                      >= before + 1);
    }
  }

  @Test
  void agentListIsNotOnTheAdminPortAndMicroProfileMetricsNotOnTheApiPort() {
    assertThat(Api.admin("/metrics/agents").status()).isEqualTo(404);
    ApiResponse apiMetrics = Api.get("/metrics");
    assertThat(apiMetrics.body()).as(apiMetrics.describe()).doesNotContain("# TYPE", "# HELP");
    assertThat(apiMetrics.status()).as(apiMetrics.describe()).isIn(404, 405);
  }

  /** Names of the metric families in an OpenMetrics/Prometheus text answer. */
  private static List<String> metricNames(String text) {
    return Arrays.stream(text.split("\n"))
        .filter(line -> line.startsWith("# TYPE "))
        .map(line -> line.split(" ")[2])
        .distinct()
        .collect(Collectors.toList());
  }

  private static void assertHasMetric(List<String> names, String what, String... parts) {
    assertThat(names)
        .as("a metric for %s (name containing %s) among %s", what, Arrays.toString(parts), names)
        .anySatisfy(
            name -> {
              for (String part : parts) {
                assertThat(name.toLowerCase()).contains(part);
              }
            });
  }

  /** The sum of the samples of the first family whose name contains all {@code parts}. */
  private static double value(String text, String... parts) {
    String family =
        metricNames(text).stream()
            .filter(name -> Arrays.stream(parts).allMatch(p -> name.toLowerCase().contains(p)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no metric with " + Arrays.toString(parts)));
    return Arrays.stream(text.split("\n"))
        .filter(line -> !line.startsWith("#"))
        .filter(line -> line.startsWith(family + "{") || line.startsWith(family + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
