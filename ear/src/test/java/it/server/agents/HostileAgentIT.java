package it.server.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.sse.SseEvent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agent with a valid token that sends what no real agent should: non-finite numbers, huge names,
 * absurd timestamps. The server keeps answering valid, bounded JSON and keeps streaming.
 */
class HostileAgentIT {

  /** Far more than a sane answer for one agent, far less than what the hostile agent sent. */
  private static final int BOUNDED = 64 * 1024;

  private static final String MIB_NAME = "x".repeat(1 << 20);

  private static final long YEAR_2036 = 2_100_000_000L;

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  @Test
  void poisonedSnapshotsNeverBreakJsonHistoryOrSse() {
    String id = TestAgent.uniqueId("hostile");
    TestAgent agent = TestAgent.builder(id).autoData(false).connect();
    resources.add(agent);
    Agents.awaitOnline(id);
    SseTestClient sse = SseTestClient.open("/agents/" + id + "/metrics/stream?interval=1");
    resources.add(sse);
    agent.awaitStreaming();
    long now = Snapshots.nowSeconds();

    agent.sendData(nonFinite(now));
    agent.sendData(hugeNames(now));
    agent.sendData(Snapshots.sample(YEAR_2036, 20));
    agent.sendData(Snapshots.sample(1, 30));
    agent.sendData(Snapshots.sample(Snapshots.nowSeconds(), 42.5));

    SseEvent last = sse.awaitEvent("metrics", e -> cpu(e.json()) == 42.5);
    for (SseEvent event : sse.events("metrics")) {
      assertThat(event.data().length()).as("SSE event size").isLessThan(BOUNDED);
      ContractShapes.METRICS_SNAPSHOT.assertMatches(event.json(), "SSE metrics data");
    }
    assertThat(sse.events("metrics"))
        .as("every poisoned snapshot still made an event")
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(last.json().path("timestamp").asLong()).isBetween(now - 60, now + 60);

    JsonNode latest = bounded(Api.get("/agents/" + id + "/metrics"));
    ContractShapes.METRICS_SNAPSHOT.assertMatches(latest, "latest snapshot");
    JsonNode series = bounded(Api.get("/agents/" + id + "/metrics/series"));
    for (JsonNode name : series.path("series")) {
      assertThat(name.asText().length()).as("series name").isLessThan(300);
    }
    String path = "/agents/" + id + "/metrics/history?interval=0&start=";
    JsonNode history = bounded(Api.get(path + (now - 3600) + "&end=" + (now + 3600)));
    assertThat(history.path("data_points")).isNotEmpty();
    for (JsonNode point : history.path("data_points")) {
      point.path("values").forEach(v -> assertThat(v.isNumber()).as("value %s", v).isTrue());
    }
    assertThat(
            bounded(Api.get(path + (now + 3600) + "&end=" + (YEAR_2036 + 60))).path("data_points"))
        .as("nothing stored in the future")
        .isEmpty();
    assertThat(bounded(Api.get(path + "0&end=" + (now - 3600))).path("data_points"))
        .as("nothing stored in 1970")
        .isEmpty();
    String metrics = Api.admin("/metrics?scope=application").body();
    assertThat(metrics)
        .contains("nodelink_ingest_sanitized_total")
        .contains("cause=\"non_finite\"", "cause=\"string\"", "cause=\"timestamp\"");
  }

  @Test
  void anIdOutsideTheUrlSafeSetIsRefused() {
    for (String id : List.of("bad/id", "with space", "x".repeat(129))) {
      TestAgent agent = TestAgent.builder(id).connect();
      resources.add(agent);

      Status status = agent.awaitEnded();

      assertThat(status.getCode()).as("%s", id).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).contains("[A-Za-z0-9._-]{1,128}");
      assertThat(agent.received()).isEmpty();
      assertThat(Agents.listing().path("agents").has(id)).isFalse();
    }
  }

  private static JsonNode bounded(ApiResponse response) {
    JsonNode json = Contract.assertOk(response);
    assertThat(response.body().getBytes(StandardCharsets.UTF_8).length)
        .as("size of %s %s", response.method(), response.path())
        .isLessThan(BOUNDED);
    return json;
  }

  private static double cpu(JsonNode snapshot) {
    return snapshot.path("cpu").path("usage_percent").asDouble();
  }

  private static MetricsDataResponse nonFinite(long now) {
    return Snapshots.sample(now).toBuilder()
        .setCpu(
            CpuMetrics.newBuilder()
                .setUsagePercent(Double.NaN)
                .setUserPercent(Double.POSITIVE_INFINITY)
                .addCoreUsage(Double.NEGATIVE_INFINITY))
        .setLoad(LoadMetrics.newBuilder().setLoad1(Double.POSITIVE_INFINITY))
        .build();
  }

  private static MetricsDataResponse hugeNames(long now) {
    return Snapshots.sample(now).toBuilder()
        .addNetworkInterfaces(NetworkMetrics.newBuilder().setInterface(MIB_NAME + "1"))
        .addNetworkInterfaces(NetworkMetrics.newBuilder().setInterface(MIB_NAME + "2"))
        .addDisks(DiskMetrics.newBuilder().setDevice(MIB_NAME + "\n").setMountPoint(MIB_NAME))
        .build();
  }
}
