package it.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /agents/{id}/metrics/start|stop} and {@code GET /agents/{id}/metrics}. */
class ManualStreamingIT {

  private static final Set<String> ALL_GROUPS =
      Set.of("cpu", "memory", "disk", "network", "processes", "load");

  private TestAgent agent;

  @AfterEach
  void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  private String connect(String prefix, boolean autoData) {
    String id = TestAgent.uniqueId(prefix);
    agent = TestAgent.builder(id).autoData(autoData).connect();
    Agents.awaitOnline(id);
    return id;
  }

  @Test
  void startSendsStartWithItsTaskIdAndDataArrives() {
    String id = connect("manual", true);
    agent.setCpuPercent(42.5);

    JsonNode started =
        Contract.assertOk(
            Api.post(
                "/agents/" + id + "/metrics/start",
                "{\"interval_seconds\": 1, \"metrics\": [\"cpu\", \"memory\"]}"));

    assertThat(started.path("message").isTextual()).as("message in %s", started).isTrue();
    assertThat(started.path("interval_seconds").isIntegralNumber()).isTrue();
    assertThat(started.path("interval_seconds").asInt()).isEqualTo(1);
    String taskId = started.path("task_id").asText();
    TaskRequest start = agent.awaitStart();
    assertThat(start.getTaskId())
        .as("START carries the task id the API returned")
        .isEqualTo(taskId);
    assertThat(TaskRequests.interval(start)).isEqualTo(1);
    assertThat(start.getMetricsRequest().getStreamRequest().getMetricsList())
        .containsExactly("cpu", "memory");
    Agents.awaitStreaming(id, true);

    await("first snapshot of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/metrics").status() == 200);
    JsonNode snapshot = Contract.assertOk(Api.get("/agents/" + id + "/metrics"));
    ContractShapes.METRICS_SNAPSHOT.assertMatches(snapshot, "MetricsSnapshot");
    assertThat(snapshot.path("agent_id").asText()).isEqualTo(id);
    assertThat(snapshot.path("cpu").path("usage_percent").asDouble()).isEqualTo(42.5);
    assertThat(snapshot.path("timestamp").asLong())
        .isBetween(Snapshots.nowSeconds() - 30, Snapshots.nowSeconds() + 1);
    assertThat(snapshot.path("collection").path("duration_ms").asDouble()).isEqualTo(12.5);

    agent.setCpuPercent(77.25);
    await("newer snapshot replaces the current one")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> cpuOf(id) == 77.25);
    JsonNode summary =
        Agents.awaitSummary(id, "has_metrics", s -> s.path("has_metrics").asBoolean());
    Contract.assertRfc3339Utc(summary.path("last_update").asText());
  }

  @Test
  void stopSendsStopWithItsOwnTaskIdAndStreamingEnds() {
    String id = connect("stopping", true);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    String streamingTask = agent.awaitStreaming();
    Agents.awaitStreaming(id, true);

    JsonNode stopped = Contract.assertOk(Api.post("/agents/" + id + "/metrics/stop", null));

    assertThat(stopped.path("message").isTextual()).as("message in %s", stopped).isTrue();
    String stopTask = stopped.path("task_id").asText();
    assertThat(stopTask).isNotBlank().isNotEqualTo(streamingTask);
    assertThat(agent.awaitStop().getTaskId()).isEqualTo(stopTask);
    Agents.awaitStreaming(id, false);
    assertThat(agent.received(TaskRequests::isStart)).hasSize(1);
  }

  @Test
  void startWithoutBodyUsesFiveSecondsAndAllGroups() {
    String id = connect("defaults", false);

    JsonNode started = Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", null));

    assertThat(started.path("interval_seconds").asInt()).isEqualTo(5);
    TaskRequest start = agent.awaitStart();
    assertThat(TaskRequests.interval(start)).isEqualTo(5);
    List<String> groups =
        List.copyOf(start.getMetricsRequest().getStreamRequest().getMetricsList());
    assertThat(groups.isEmpty() || Set.copyOf(groups).equals(ALL_GROUPS))
        .as("groups %s are empty (= all) or every group", groups)
        .isTrue();
  }

  @Test
  void startWithEmptyJsonObjectUsesDefaults() {
    String id = connect("empty-object", false);

    JsonNode started = Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{}"));

    assertThat(started.path("interval_seconds").asInt()).isEqualTo(5);
    assertThat(TaskRequests.interval(agent.awaitStart())).isEqualTo(5);
  }

  @ParameterizedTest(name = "body {0}")
  @ValueSource(
      strings = {
        "{\"interval_seconds\": 0}",
        "{\"interval_seconds\": 301}",
        "{\"interval_seconds\": -1}",
        "{\"interval_seconds\": \"abc\"}",
        "{\"interval_seconds\": 99999999999}",
        "{\"metrics\": \"cpu\"}",
        "{\"metrics\": [\"cpu\", \"no-such-group\"]}",
        "{\"interval_seconds\": 5",
        "not json at all",
        "[1, 2]"
      })
  void badStartBodyIs400AndNothingIsSent(String body) {
    String id = connect("bad-start", false);

    Contract.assertError(Api.post("/agents/" + id + "/metrics/start", body), 400);

    // Still 500 ms without a START, but room for a starved polling thread on a loaded machine.
    await("no START after a rejected request")
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> agent.received(TaskRequests::isStart).isEmpty());
    assertThat(Agents.summary(id).orElseThrow().path("streaming_active").asBoolean()).isFalse();
  }

  @Test
  void metricsIs404UntilTheFirstSnapshot() {
    String id = connect("no-data", false);

    Contract.assertError(Api.get("/agents/" + id + "/metrics"), 404, "no metrics available");
  }

  @Test
  void unknownAgentIs404ForEveryStreamingEndpoint() {
    String id = TestAgent.uniqueId("unknown");

    Contract.assertError(Api.post("/agents/" + id + "/metrics/start", "{}"), 404);
    Contract.assertError(Api.post("/agents/" + id + "/metrics/stop", null), 404);
    Contract.assertError(Api.get("/agents/" + id + "/metrics"), 404, "agent not found");
  }

  @Test
  void offlineAgentIs409ForStartAndStop() {
    String id = connect("offline", false);
    agent.closeStream();
    Agents.awaitOffline(id, TestAgent.TIMEOUT);

    Contract.assertError(Api.post("/agents/" + id + "/metrics/start", "{}"), 409);
    Contract.assertError(Api.post("/agents/" + id + "/metrics/stop", null), 409);
  }

  @Test
  void sixtyFourBitCountersAreExactJsonNumbers() {
    String id = connect("uint64", false);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    agent.awaitStreaming();
    long big = Snapshots.BEYOND_DOUBLE_PRECISION;
    MetricsDataResponse sample = Snapshots.sample(Snapshots.nowSeconds(), 10);
    agent.sendData(
        sample.toBuilder()
            .setMemory(MemoryMetrics.newBuilder(sample.getMemory()).setTotalBytes(big))
            .setDisks(0, DiskMetrics.newBuilder(sample.getDisks(0)).setReadBytesPerSec(big + 2))
            .build());

    await("snapshot of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/metrics").status() == 200);
    JsonNode snapshot = Contract.assertOk(Api.get("/agents/" + id + "/metrics"));
    JsonNode total = snapshot.path("memory").path("total_bytes");
    assertThat(total.isIntegralNumber()).as("memory.total_bytes is a number: %s", total).isTrue();
    assertThat(total.asLong()).isEqualTo(big);
    JsonNode read = snapshot.path("disks").get(0).path("read_bytes_per_sec");
    assertThat(read.isIntegralNumber()).as("read_bytes_per_sec is a number: %s", read).isTrue();
    assertThat(read.asLong()).isEqualTo(big + 2);
  }

  @Test
  void zeroValuesAndEmptyGroupsAreStillPresent() {
    String id = connect("zeros", false);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    agent.awaitStreaming();

    agent.sendData(MetricsDataResponse.newBuilder().setTimestamp(Snapshots.nowSeconds()).build());

    await("snapshot of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/metrics").status() == 200);
    JsonNode snapshot = Contract.assertOk(Api.get("/agents/" + id + "/metrics"));
    ContractShapes.METRICS_SNAPSHOT.assertMatches(snapshot, "snapshot with only a timestamp");
    assertThat(snapshot.path("disks").size()).isZero();
    assertThat(snapshot.path("cpu").path("core_usage").size()).isZero();
  }

  private static double cpuOf(String id) {
    return Api.get("/agents/" + id + "/metrics")
        .json()
        .path("cpu")
        .path("usage_percent")
        .asDouble();
  }
}
