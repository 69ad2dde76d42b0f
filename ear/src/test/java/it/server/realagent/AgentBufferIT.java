package it.server.realagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.sse.SseEvent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.AgentProcess;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import it.support.ItConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real agent streaming at 1 s loses the server for ~15 s (a relay between them cuts the
 * connection and refuses new ones; Liberty stays up). After it is back, the outage's seconds are in
 * the history, sent from the agent's buffer, and an SSE client connected meanwhile did not get
 * those old snapshots as live {@code metrics} events.
 */
class AgentBufferIT {

  private static final long OUTAGE_SECONDS = 15;
  private static final String CPU = "cpu.usage_percent";

  private AgentProcess agent;
  private PausableTcpProxy proxy;

  @BeforeEach
  void requireAgentJar() {
    AgentProcess.assumeAgentJar();
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void theOutageIsFilledFromTheAgentsBufferAndNotReplayedLive() throws Exception {
    proxy = new PausableTcpProxy(ItConfig.grpcPort());
    String id = TestAgent.uniqueId("real-buffer");
    // Reconnect attempts every second, so the agent is back as soon as the server is.
    agent =
        AgentProcess.startAt(
            proxy.address(), id, AgentProcess.SHARED_TOKEN, "-Dreconnect.max-seconds=1");
    Agents.awaitSummary(id, "online", s -> s.path("connected").asBoolean(), Duration.ofSeconds(30));
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    long start = Snapshots.nowSeconds();
    await("a few live points")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> timestamps(id, start - 5, Snapshots.nowSeconds() + 1).size() >= 3);

    long pausedAt = Snapshots.nowSeconds();
    proxy.pause();
    Agents.awaitOffline(id, Duration.ofSeconds(15));
    try (SseTestClient sse = SseTestClient.open("/agents/" + id + "/metrics/stream?interval=1")) {
      long current = timestamp(sse.awaitEvent("metrics", 1)); // the latest before the outage
      await("the outage to last " + OUTAGE_SECONDS + " s")
          .pollInterval(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(OUTAGE_SECONDS + 20))
          .until(() -> Snapshots.nowSeconds() >= pausedAt + OUTAGE_SECONDS);
      long resumedAt = Snapshots.nowSeconds();
      proxy.resume();

      Agents.awaitSummary(
          id, "online again", s -> s.path("connected").asBoolean(), Duration.ofSeconds(30));
      await("the outage's seconds in the history")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                List<Long> points = timestamps(id, current - 2, resumedAt + 2);
                assertThat(maxGap(points))
                    .as("largest gap between raw points around the outage %s", points)
                    .isLessThanOrEqualTo(2);
                assertThat(points.get(points.size() - 1)).isGreaterThanOrEqualTo(resumedAt);
              });
      sse.awaitEvent("metrics", e -> timestamp(e) >= resumedAt);

      List<Long> live = sse.events("metrics").stream().map(AgentBufferIT::timestamp).toList();
      assertThat(live)
          .as(
              "SSE metrics events: none from inside the outage (%d..%d)",
              current + 1, resumedAt - 2)
          .noneMatch(t -> t > current && t < resumedAt - 1);
    }
    // The nodelink_snapshots_buffered counter is checked by AdminMetricsIT: here, after the
    // in-server tests deployed and removed copies of the WAR, application metrics are not
    // reliable (those copies register the same metric IDs and unregister them when they stop).
    assertThat(agent.output()).contains("server unreachable");
  }

  private static long timestamp(SseEvent event) {
    return event.json().path("timestamp").asLong();
  }

  /** Raw (interval 0) timestamps of the agent's CPU series from {@code from} to {@code to}. */
  private static List<Long> timestamps(String id, long from, long to) {
    JsonNode history =
        Contract.assertOk(
            Api.get(
                "/agents/"
                    + id
                    + "/metrics/history?interval=0&max_points=10000&metrics="
                    + CPU
                    + "&start="
                    + from
                    + "&end="
                    + to));
    List<Long> out = new ArrayList<>();
    history.path("data_points").forEach(p -> out.add(p.path("timestamp").asLong()));
    return out;
  }

  private static long maxGap(List<Long> timestamps) {
    long gap = timestamps.isEmpty() ? Long.MAX_VALUE : 0;
    for (int i = 1; i < timestamps.size(); i++) {
      gap = Math.max(gap, timestamps.get(i) - timestamps.get(i - 1));
    }
    return gap;
  }
}
