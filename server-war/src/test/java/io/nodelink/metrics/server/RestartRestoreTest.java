package io.nodelink.metrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.streaming.StreamingStatus;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskStatus;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's state across a restart, with the beans wired as in the server and a real database: a
 * second server graph on the same database plays the restarted server.
 */
@ExtendWith(TestDatabases.class)
class RestartRestoreTest {

  private final TestDatabases databases;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));

  RestartRestoreTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aStoppedServerComesBackKnowingItsAgentsTasksAndHolds(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase before = databases.state(dataSource);
    ServerGraph first = new ServerGraph(clock, before);
    FakeChannel channel = new FakeChannel("a1");
    first.ingest.connected(channel);
    first.ingest.received(channel, systemInfo("host-a1"));
    String streamTask =
        first.streaming.startManual("a1", 2, List.of("cpu", "memory")).streamTaskId();
    clock.advanceSeconds(30);
    first.ingest.disconnected(channel);
    assertThat(before.flush()).isTrue();

    clock.advanceSeconds(60);
    ServerGraph restarted = new ServerGraph(clock, databases.state(dataSource));

    AgentState agent = restarted.agents.require("a1");
    assertThat(agent.connected()).isFalse();
    assertThat(agent.disconnectedAt()).isEqualTo(Instant.parse("2026-11-30T08:00:30Z"));
    assertThat(restarted.store.systemInfo("a1").orElseThrow().getSoftware().getHostname())
        .isEqualTo("host-a1");
    TaskView stream = restarted.tasks.find(streamTask).orElseThrow();
    assertThat(stream.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(stream.error()).isEqualTo("the agent disconnected");
    StreamingStatus streaming = restarted.streaming.status("a1");
    assertThat(streaming.wanted()).isTrue();
    assertThat(streaming.active()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRestoredHoldIsSentAgainWhenTheAgentReconnects(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase before = databases.state(dataSource);
    ServerGraph first = new ServerGraph(clock, before);
    FakeChannel channel = new FakeChannel("a1");
    first.ingest.connected(channel);
    first.streaming.startManual("a1", 3, List.of("cpu"));
    first.ingest.disconnected(channel);
    assertThat(before.flush()).isTrue();

    ServerGraph restarted = new ServerGraph(clock, databases.state(dataSource));
    FakeChannel back = new FakeChannel("a1");
    restarted.ingest.connected(back);

    List<TaskRequest> sent = back.sent();
    assertThat(sent).hasSize(1);
    MetricsStreamRequest start = sent.get(0).getMetricsRequest().getStreamRequest();
    assertThat(start.getAction()).isEqualTo(MetricsStreamRequest.Action.START);
    assertThat(start.getIntervalSeconds()).isEqualTo(3);
    assertThat(start.getMetricsList()).containsExactly("cpu");
    assertThat(restarted.streaming.status("a1").active()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void tasksOpenWhenTheServerDiedComeBackFailed(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase before = databases.state(dataSource);
    ServerGraph first = new ServerGraph(clock, before);
    FakeChannel channel = new FakeChannel("a1");
    first.ingest.connected(channel);
    TaskView refresh = first.dispatcher.requestSystemInfo("a1");
    assertThat(before.flush()).isTrue();

    // No disconnect: the server was killed with the agent connected.
    ServerGraph restarted = new ServerGraph(clock, databases.state(dataSource));

    TaskView restored = restarted.tasks.find(refresh.taskId()).orElseThrow();
    assertThat(restored.type()).isEqualTo(TaskType.SYSTEM_INFO);
    assertThat(restored.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(restored.error()).isEqualTo(TaskRegistry.RESTART_ERROR);
    assertThat(restarted.agents.require("a1").connected()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void agentsConnectedAtTheStopAreOfflineSinceTheStopAndTheirOpenTasksFailed(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase before = databases.state(dataSource);
    ServerGraph first = new ServerGraph(clock, before);
    FakeChannel channel = new FakeChannel("a1");
    first.ingest.connected(channel);
    String streamTask = first.streaming.startManual("a1", 2, List.of()).streamTaskId();
    clock.advanceSeconds(45);
    first.ingest.received(channel, systemInfo("host-a1"));

    // The transport stopped first; the stream's end is never delivered.
    clock.advanceSeconds(5);
    first.agents.onApplicationStopping(null);
    assertThat(before.flush()).isTrue();

    ServerGraph restarted = new ServerGraph(clock, databases.state(dataSource));
    AgentState agent = restarted.agents.require("a1");
    assertThat(agent.connected()).isFalse();
    assertThat(agent.disconnectedAt()).isEqualTo(Instant.parse("2026-11-30T08:00:50Z"));
    assertThat(agent.lastSeen()).isEqualTo(Instant.parse("2026-11-30T08:00:45Z"));
    TaskView stream = restarted.tasks.find(streamTask).orElseThrow();
    assertThat(stream.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(stream.error()).isEqualTo(TaskRegistry.RESTART_ERROR);
    assertThat(restarted.streaming.status("a1").wanted()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aStoppedHoldAndAForgottenAgentStayGone(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase before = databases.state(dataSource);
    ServerGraph first = new ServerGraph(clock, before);
    FakeChannel a1 = new FakeChannel("a1");
    FakeChannel a2 = new FakeChannel("a2");
    first.ingest.connected(a1);
    first.ingest.connected(a2);
    first.ingest.received(a2, systemInfo("host-a2"));
    first.streaming.startManual("a1", 5, List.of());
    first.streaming.stopManual("a1");
    first.ingest.disconnected(a2);
    clock.advanceSeconds(3600);
    assertThat(first.agents.forgetOfflineSince(clock.instant())).containsExactly("a2");
    assertThat(before.flush()).isTrue();

    ServerGraph restarted = new ServerGraph(clock, databases.state(dataSource));

    assertThat(restarted.agents.all()).extracting(AgentState::agentId).containsExactly("a1");
    assertThat(restarted.streaming.status("a1").wanted()).isFalse();
    assertThat(restarted.store.systemInfo("a2")).isEmpty();
    assertThat(restarted.tasks.forAgent("a2")).isEmpty();
  }

  private static TaskResponse systemInfo(String hostname) {
    return TaskResponse.newBuilder()
        .setTaskId("info")
        .setStatus(TaskResponse.Status.COMPLETED)
        .setMetricsResponse(
            MetricsResponse.newBuilder()
                .setSystemInfo(
                    SystemInfoResponse.newBuilder()
                        .setSoftware(SystemSoftware.newBuilder().setHostname(hostname))))
        .build();
  }
}
