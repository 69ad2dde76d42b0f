package it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.client.HistoryAggregation;
import io.nodelink.metrics.client.HistoryQuery;
import io.nodelink.metrics.client.MetricsListener;
import io.nodelink.metrics.client.MetricsStream;
import io.nodelink.metrics.client.NodeLinkClientException;
import io.nodelink.metrics.client.NodeLinkMetricsClient;
import io.nodelink.metrics.client.model.AgentSummary;
import io.nodelink.metrics.client.model.History;
import io.nodelink.metrics.client.model.MetricsSnapshot;
import io.nodelink.metrics.client.model.StreamingRequest;
import io.nodelink.metrics.client.model.StreamingStarted;
import io.nodelink.metrics.client.model.SystemInfo;
import io.nodelink.metrics.client.model.TaskAccepted;
import io.nodelink.metrics.client.model.TaskInfo;
import it.support.AgentProcess;
import it.support.Credentials;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client against the real server and a real agent process: every call, the SSE stream, and
 * the errors. Each test leaves the agent not streaming, so the tests run in any order.
 */
class JavaClientIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static AgentProcess agent;
  private static NodeLinkMetricsClient client;
  private static String id;

  @BeforeAll
  static void startAgent() throws Exception {
    client =
        NodeLinkMetricsClient.create(
            URI.create("http://127.0.0.1:" + Integer.getInteger("http.port")),
            io.nodelink.metrics.client.Credentials.basic(
                Credentials.OPERATOR.user(), Credentials.OPERATOR.password()));
    agent = AgentProcess.startWithSharedToken("java-client-it");
    id = agent.agentId();
    await("agent " + id + " connected")
        .atMost(PATIENCE)
        .failFast("agent process exited", () -> !agent.isAlive())
        .until(() -> summary().map(AgentSummary::connected).orElse(false));
  }

  @AfterAll
  static void stopAgent() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (client != null) {
      client.close();
    }
  }

  /** Every test ends with no one holding streaming on the agent. */
  @AfterEach
  void agentStopsStreaming() {
    await("streaming inactive")
        .atMost(PATIENCE)
        .until(
            () -> summary().map(s -> !s.streamingActive() && !s.streamingWanted()).orElse(false));
  }

  private static Optional<AgentSummary> summary() {
    return Optional.ofNullable(client.getAllAgents().agents().get(id));
  }

  @Test
  void connectedAgentIsListedOnline() {
    AgentSummary agentSummary = summary().orElseThrow();

    assertThat(agentSummary.agentId()).isEqualTo(id);
    assertThat(agentSummary.online()).isTrue();
    assertThat(agentSummary.status()).isEqualTo("online");
    assertThat(agentSummary.lastSeenTime()).isPresent();
  }

  @Test
  void refreshedSystemInfoIsServedAndItsTaskCompletes() {
    TaskAccepted refresh = client.refreshSystemInfo(id);
    assertThat(refresh.taskId()).isNotBlank();

    await("task " + refresh.taskId() + " completed")
        .atMost(PATIENCE)
        .until(() -> client.getTask(refresh.taskId()).isFinal());
    TaskInfo task = client.getTask(refresh.taskId());
    assertThat(task.status()).isEqualTo("completed");
    assertThat(task.type()).isEqualTo("system_info");
    assertThat(task.agentId()).isEqualTo(id);

    SystemInfo info = client.getSystemInfo(id);
    assertThat(info.agentId()).isEqualTo(id);
    assertThat(info.timestamp()).isPositive();
    assertThat(info.hardware().coreCount()).isPositive();
    assertThat(info.hardware().memory().totalBytes()).isPositive();
    assertThat(info.software().hostname()).isNotBlank();
    assertThat(info.software().os().name()).isNotBlank();
    assertThat(summary().orElseThrow().hasSystemInfo()).isTrue();
  }

  @Test
  void manualStreamingFillsMetricsHistoryAndSeries() {
    StreamingStarted started = client.startMetricsStreaming(id, StreamingRequest.every(1));
    assertThat(started.intervalSeconds()).isEqualTo(1);
    try {
      await("two snapshots in history")
          .atMost(PATIENCE)
          .until(
              () ->
                  client
                          .getHistoricalMetrics(id, HistoryQuery.of("cpu.usage_percent"))
                          .totalPoints()
                      >= 2);

      MetricsSnapshot snapshot = client.getCurrentMetrics(id);
      assertThat(snapshot.agentId()).isEqualTo(id);
      assertThat(snapshot.timestamp()).isPositive();
      assertThat(snapshot.cpu().usagePercent()).isBetween(0.0, 100.0);
      assertThat(snapshot.memory().totalBytes()).isPositive();
      assertThat(snapshot.memory().usedBytes()).isPositive();
      assertThat(snapshot.processes().totalProcesses()).isPositive();

      assertThat(client.getMetricSeries(id).series())
          .contains("cpu.usage_percent", "memory.usage_percent", "load.load1");

      History raw =
          client.getHistoricalMetrics(
              id, HistoryQuery.of("cpu.usage_percent", "memory.usage_percent"));
      assertThat(raw.agentId()).isEqualTo(id);
      assertThat(raw.intervalSeconds()).isZero();
      assertThat(raw.dataPoints()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(raw.dataPoints().get(0).values()).containsKey("memory.usage_percent");
      assertThat(raw.dataPoints()).extracting(p -> p.timestamp()).isSorted();

      long now = snapshot.timestamp();
      History buckets =
          client.getHistoricalMetrics(
              id,
              HistoryQuery.of("memory.used_bytes")
                  .from(now - 3600)
                  .to(now + 60)
                  .interval(60)
                  .maxPoints(100)
                  .aggregation(HistoryAggregation.MAX));
      assertThat(buckets.intervalSeconds()).isEqualTo(60);
      assertThat(buckets.dataPoints()).isNotEmpty();
      assertThat(buckets.dataPoints()).allSatisfy(p -> assertThat(p.timestamp() % 60).isZero());

      List<TaskInfo> tasks = client.getAgentTasks(id).tasks();
      assertThat(tasks).extracting(TaskInfo::taskId).contains(started.taskId());
      assertThat(summary().orElseThrow().streamingActive()).isTrue();
    } finally {
      TaskAccepted stop = client.stopMetricsStreaming(id);
      assertThat(stop.taskId()).isNotBlank();
    }
  }

  @Test
  void cancellingTheStreamTaskStopsStreaming() {
    StreamingStarted started = client.startMetricsStreaming(id, StreamingRequest.every(2));
    await("streaming")
        .atMost(PATIENCE)
        .until(() -> summary().map(AgentSummary::streamingActive).orElse(false));

    assertThat(client.cancelTask(started.taskId()).message()).isEqualTo("task cancelled");

    await("stream task final")
        .atMost(PATIENCE)
        .until(() -> client.getTask(started.taskId()).isFinal());
    assertThat(client.getTask(started.taskId()).status()).isIn("cancelled", "completed");
  }

  @Test
  void sseStreamDeliversSnapshotsAndClosingStopsStreaming() {
    List<MetricsSnapshot> received = new CopyOnWriteArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    MetricsListener listener =
        new MetricsListener() {
          @Override
          public void onMetrics(MetricsSnapshot snapshot) {
            received.add(snapshot);
          }

          @Override
          public void onError(Throwable error) {
            errors.add(error);
          }
        };

    try (MetricsStream stream = client.streamMetrics(id, 1, listener)) {
      await("three snapshots over SSE")
          .atMost(PATIENCE)
          .until(() -> received.stream().map(MetricsSnapshot::timestamp).distinct().count() >= 3);
      assertThat(stream.isOpen()).isTrue();
      assertThat(summary().orElseThrow().streamingActive()).isTrue();
    }

    assertThat(received).allSatisfy(s -> assertThat(s.agentId()).isEqualTo(id));
    assertThat(received).allSatisfy(s -> assertThat(s.memory().totalBytes()).isPositive());
    assertThat(errors).isEmpty();
  }

  @Test
  void errorsCarryTheStatusAndTheServerText() {
    NodeLinkClientException unknownAgent =
        catchThrowableOfType(
            NodeLinkClientException.class, () -> client.getCurrentMetrics("no-such-agent-" + id));
    assertThat(unknownAgent.status()).isEqualTo(404);
    assertThat(unknownAgent.error()).isEqualTo("agent not found");

    NodeLinkClientException badInterval =
        catchThrowableOfType(
            NodeLinkClientException.class,
            () -> client.startMetricsStreaming(id, StreamingRequest.every(301)));
    assertThat(badInterval.status()).isEqualTo(400);
    assertThat(badInterval.error()).contains("interval");

    NodeLinkClientException unknownTask =
        catchThrowableOfType(NodeLinkClientException.class, () -> client.getTask("no-such-task"));
    assertThat(unknownTask.status()).isEqualTo(404);

    NodeLinkClientException badHistory =
        catchThrowableOfType(
            NodeLinkClientException.class,
            () -> client.getHistoricalMetrics(id, HistoryQuery.all().from(200).to(100)));
    assertThat(badHistory.status()).isEqualTo(400);

    List<Throwable> streamErrors = new CopyOnWriteArrayList<>();
    try (MetricsStream stream =
        client.streamMetrics(
            "no-such-agent-" + id,
            5,
            new MetricsListener() {
              @Override
              public void onMetrics(MetricsSnapshot snapshot) {}

              @Override
              public void onError(Throwable error) {
                streamErrors.add(error);
              }
            })) {
      await("404 on the stream").atMost(PATIENCE).until(() -> !streamErrors.isEmpty());
      assertThat(streamErrors.get(0)).isInstanceOf(NotFoundException.class);
    }
  }
}
