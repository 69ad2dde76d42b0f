package io.nodelink.metrics.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.client.ContractServer.SseWriter;
import io.nodelink.metrics.client.model.AgentStatus;
import io.nodelink.metrics.client.model.MetricsSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SSE streaming through Jersey's SseEventSource against a local event stream. */
class MetricsStreamTest {

  private ContractServer server;
  private NodeLinkMetricsClient client;
  private final List<MetricsSnapshot> snapshots = new CopyOnWriteArrayList<>();
  private final List<AgentStatus> statuses = new CopyOnWriteArrayList<>();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();

  private final MetricsListener recorder =
      new MetricsListener() {
        @Override
        public void onMetrics(MetricsSnapshot snapshot) {
          snapshots.add(snapshot);
        }

        @Override
        public void onStatus(AgentStatus status) {
          statuses.add(status);
        }

        @Override
        public void onError(Throwable error) {
          errors.add(error);
        }
      };

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

  /** The next SSE connection to the path, once the client opens it. */
  private CompletableFuture<SseWriter> nextConnection(String pathAndQuery) {
    CompletableFuture<SseWriter> connection = new CompletableFuture<>();
    server.on(
        pathAndQuery.startsWith("/") ? "GET" : "",
        pathAndQuery,
        exchange -> {
          connection.complete(ContractServer.openSse(exchange));
        });
    return connection;
  }

  @Test
  void deliversMetricsAndStatusEventsAndSkipsComments() throws Exception {
    CompletableFuture<SseWriter> connection =
        nextConnection("/agents/agent1/metrics/stream?interval=2");

    try (MetricsStream stream = client.streamMetrics("agent1", 2, recorder)) {
      SseWriter sse = connection.get(10, TimeUnit.SECONDS);
      sse.write(": keepalive\n\n");
      sse.event("metrics", ContractServer.read("snapshot.json").replace("\n", " "));
      sse.event("status", "{\"agent_id\":\"agent1\",\"connected\":false}");
      sse.event("something-else", "{}");

      await().atMost(Duration.ofSeconds(10)).until(() -> !statuses.isEmpty());
      assertThat(snapshots)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.cpu().usagePercent()).isEqualTo(12.5);
                assertThat(s.networkInterfaces().get(0).interfaceName()).isEqualTo("eth0");
              });
      assertThat(statuses).containsExactly(new AgentStatus("agent1", false));
      assertThat(errors).isEmpty();
      assertThat(stream.isOpen()).isTrue();
    }
  }

  @Test
  void closingDisconnectsFromTheServer() throws Exception {
    CompletableFuture<SseWriter> connection =
        nextConnection("/agents/agent1/metrics/stream?interval=5");
    MetricsStream stream = client.streamMetrics("agent1", 5, recorder);
    SseWriter sse = connection.get(10, TimeUnit.SECONDS);

    stream.close();

    assertThat(stream.isOpen()).isFalse();
    await().atMost(Duration.ofSeconds(10)).ignoreNoExceptions().until(() -> writeFails(sse));
  }

  private static boolean writeFails(SseWriter sse) {
    try {
      sse.write(": keepalive\n\n");
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void unreadableEventGoesToOnErrorAndTheStreamGoesOn() throws Exception {
    CompletableFuture<SseWriter> connection =
        nextConnection("/agents/agent1/metrics/stream?interval=1");

    try (MetricsStream stream = client.streamMetrics("agent1", 1, recorder)) {
      SseWriter sse = connection.get(10, TimeUnit.SECONDS);
      sse.event("metrics", "{not json");
      sse.event("metrics", "{\"agent_id\":\"agent1\",\"timestamp\":7}");

      await().atMost(Duration.ofSeconds(10)).until(() -> !snapshots.isEmpty());
      assertThat(errors).hasSize(1);
      assertThat(snapshots.get(0).timestamp()).isEqualTo(7);
    }
  }

  @Test
  void unknownAgentIsReportedToOnError() {
    server.json(
        "GET", "/agents/ghost/metrics/stream?interval=5", 404, "{\"error\":\"agent not found\"}");

    try (MetricsStream stream = client.streamMetrics("ghost", 5, recorder)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !errors.isEmpty());
      assertThat(errors.get(0)).isInstanceOf(jakarta.ws.rs.NotFoundException.class);
    }
  }

  @Test
  void intervalsOutsideOneTo300AreRefusedBeforeConnecting() {
    for (int bad : new int[] {0, -1, 301}) {
      assertThatThrownBy(() -> client.streamMetrics("agent1", bad, recorder))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.requests).isEmpty();
  }
}
