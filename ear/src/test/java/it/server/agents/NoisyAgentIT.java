package it.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Agents with a valid token that flood the server, one with messages, one with bytes, far beyond
 * the per-agent ingest quotas (defaults: 20 messages/s with a burst of 2000, 1 MiB/s with a burst
 * of 32 MiB). What is over quota is dropped and counted; a well-behaved agent next to them keeps
 * streaming live and into its history, and every answer stays valid JSON.
 */
class NoisyAgentIT {

  private static final int FLOOD_MESSAGES = 5000;
  private static final int BIG_MESSAGES = 64;
  private static final String MIB_NAME = "x".repeat(1 << 20);
  private static final String CPU = "cpu.usage_percent";

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  @Test
  void floodsAreThrottledWhileAQuietAgentStreamsOn() {
    String quietId = TestAgent.uniqueId("quiet");
    TestAgent quiet = streaming(TestAgent.builder(quietId).connect());
    SseTestClient live = SseTestClient.open("/agents/" + quietId + "/metrics/stream?interval=1");
    resources.add(live);
    live.awaitEvent("metrics", 1);
    TestAgent messages =
        streaming(TestAgent.builder(TestAgent.uniqueId("flood")).autoData(false).connect());
    TestAgent bytes =
        streaming(TestAgent.builder(TestAgent.uniqueId("bulky")).autoData(false).connect());
    long floodStart = Snapshots.nowSeconds();

    for (int i = 0; i < FLOOD_MESSAGES; i++) {
      messages.sendData(Snapshots.sample(floodStart));
    }
    for (int i = 0; i < BIG_MESSAGES; i++) {
      bytes.sendData(big(floodStart - BIG_MESSAGES + i));
    }

    await("both quotas counted in nodelink_ingest_throttled_total")
        .atMost(TestAgent.TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(throttledLines())
                    .anyMatch(l -> l.contains("quota=\"messages\""))
                    .anyMatch(l -> l.contains("quota=\"bytes\"")));
    live.awaitEvent("metrics", e -> e.json().path("timestamp").asLong() > floodStart + 2);
    assertThat(quiet.snapshotsSent()).isGreaterThan(2);
    assertThat(rawTimestamps(quietId, floodStart)).as("the quiet agent's history").isNotEmpty();
    assertThat(rawTimestamps(bytes.agentId(), floodStart - BIG_MESSAGES))
        .as("raw points of the bulky agent: the snapshots over its byte quota were not stored")
        .hasSizeLessThan(BIG_MESSAGES);

    JsonNode agents = Agents.listing().path("agents");
    for (TestAgent agent : List.of(quiet, messages, bytes)) {
      JsonNode summary = agents.path(agent.agentId());
      ContractShapes.AGENT_SUMMARY.assertMatches(summary, "summary of " + agent.agentId());
      assertThat(summary.path("connected").asBoolean())
          .as("%s stays connected", agent.agentId())
          .isTrue();
      ContractShapes.METRICS_SNAPSHOT.assertMatches(
          Contract.assertOk(Api.get("/agents/" + agent.agentId() + "/metrics")), "latest");
    }
  }

  private TestAgent streaming(TestAgent agent) {
    resources.add(agent);
    Agents.awaitOnline(agent.agentId());
    Contract.assertOk(
        Api.post("/agents/" + agent.agentId() + "/metrics/start", "{\"interval_seconds\": 1}"));
    agent.awaitStreaming();
    return agent;
  }

  private static MetricsDataResponse big(long timestamp) {
    return Snapshots.sample(timestamp).toBuilder()
        .addDisks(DiskMetrics.newBuilder().setDevice(MIB_NAME).setUsagePercent(1))
        .build();
  }

  private static List<String> throttledLines() {
    return Api.admin("/metrics?scope=application")
        .body()
        .lines()
        .filter(l -> l.startsWith("nodelink_ingest_throttled_total"))
        .toList();
  }

  private static List<Long> rawTimestamps(String id, long from) {
    JsonNode history =
        Contract.assertOk(
            Api.get(
                "/agents/"
                    + id
                    + "/metrics/history?interval=0&max_points=10000&metrics="
                    + CPU
                    + "&start="
                    + from));
    List<Long> out = new ArrayList<>();
    history.path("data_points").forEach(p -> out.add(p.path("timestamp").asLong()));
    return out;
  }
}
