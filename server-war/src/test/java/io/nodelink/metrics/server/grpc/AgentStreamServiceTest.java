package io.nodelink.metrics.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentDisconnected;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.auth.AgentAuthInterceptor;
import io.nodelink.metrics.server.auth.AgentTokens;
import io.nodelink.metrics.server.ingest.AgentIngest;
import io.nodelink.metrics.server.ingest.MetricsReceived;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskStatus;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.testing.ServerGraph;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream service wired to the real registries, store and streaming control, in-process. */
class AgentStreamServiceTest {

  private final List<MetricsReceived> metricsEvents = new CopyOnWriteArrayList<>();
  private final ServerGraph graph = new ServerGraph(Clock.systemUTC(), true, metricsEvents::add);
  private final AgentRegistry agents = graph.agents;
  private final TaskRegistry tasks = graph.tasks;
  private final StreamingControl streaming = graph.streaming;
  private final MetricsStore store = graph.store;
  private final List<TestAgent> testAgents = new CopyOnWriteArrayList<>();
  private GrpcServerLifecycle server;
  private ManagedChannel channel;

  @BeforeEach
  void startServer() throws Exception {
    AgentIngest ingest = graph.ingest;
    AgentTokens tokens = AgentTokens.parse("agent1:token1,*:shared", List.of());
    String name = InProcessServerBuilder.generateName();
    server =
        new GrpcServerLifecycle(
            InProcessServerBuilder.forName(name),
            new AgentStreamService(ingest),
            new AgentAuthInterceptor(() -> tokens));
    server.start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stopServer() {
    testAgents.forEach(TestAgent::close);
    channel.shutdownNow();
    server.stopNow();
  }

  @Test
  void agentIsListedTheMomentItsStreamIsAcceptedAndAskedForSystemInfo() throws Exception {
    TestAgent agent = connectManual("agent1", "token1");

    TaskRequest first = agent.nextCommand(5, TimeUnit.SECONDS);

    assertThat(first.getMetricsRequest().hasSystemInfo()).isTrue();
    assertThat(first.getAgentId()).isEqualTo("agent1");
    assertThat(agents.find("agent1")).hasValueSatisfying(s -> assertThat(s.connected()).isTrue());
    assertThat(store.latestMetrics("agent1")).isEmpty();
    assertThat(graph.events()).contains(new AgentConnected("agent1"));
  }

  @Test
  void systemInfoAnswerIsStoredAndCompletesItsTask() {
    connect("agent1", "token1");

    await().until(() -> store.systemInfo("agent1").isPresent());
    await()
        .until(
            () ->
                tasks.forAgent("agent1").stream()
                    .anyMatch(
                        t ->
                            t.type() == TaskType.SYSTEM_INFO
                                && t.status() == TaskStatus.COMPLETED));
    assertThat(agents.find("agent1").orElseThrow().lastUpdate()).isNotNull();
  }

  @Test
  void firstHolderStartsStreamingAndSnapshotsAreStoredAndPublished() {
    TestAgent agent = connect("agent1", "token1");
    awaitConnected("agent1");

    streaming.holdForClient("agent1", "sse-1", 1);

    await().until(() -> store.latestMetrics("agent1").isPresent());
    TaskRequest start = streamCommands(agent, MetricsStreamRequest.Action.START).get(0);
    assertThat(start.getMetricsRequest().getStreamRequest().getIntervalSeconds()).isEqualTo(1);
    await().until(() -> !metricsEvents.isEmpty());
    assertThat(metricsEvents.get(0).agentId()).isEqualTo("agent1");
    assertThat(graph.history.seriesOf("agent1")).contains("cpu.usage_percent");
    await()
        .until(
            () ->
                tasks.find(start.getTaskId()).map(TaskView::status).orElseThrow()
                    == TaskStatus.IN_PROGRESS);
    assertThat(streaming.status("agent1").active()).isTrue();
  }

  @Test
  void lastHolderGoneStopsStreaming() {
    TestAgent agent = connect("agent1", "token1");
    awaitConnected("agent1");
    streaming.holdForClient("agent1", "sse-1", 1);
    streaming.holdForClient("agent1", "sse-2", 5);
    // The START may wait for the ingest to finish registering the stream; it must come first.
    await().until(() -> !streamCommands(agent, MetricsStreamRequest.Action.START).isEmpty());

    streaming.releaseClient("agent1", "sse-1");
    streaming.releaseClient("agent1", "sse-2");

    await().until(() -> !streamCommands(agent, MetricsStreamRequest.Action.STOP).isEmpty());
    assertThat(streamCommands(agent, MetricsStreamRequest.Action.UPDATE_INTERVAL)).hasSize(1);
    assertThat(streaming.status("agent1").active()).isFalse();
  }

  @Test
  void agentThatComesBackWhileStreamingIsWantedIsStartedAgain() throws Exception {
    TestAgent first = connect("agent1", "token1");
    awaitConnected("agent1");
    streaming.holdForClient("agent1", "sse-1", 2);
    await().until(() -> !streamCommands(first, MetricsStreamRequest.Action.START).isEmpty());

    first.close();
    await().until(() -> agents.find("agent1").map(s -> !s.connected()).orElse(false));
    assertThat(graph.events()).contains(new AgentDisconnected("agent1", false));

    TestAgent second = connect("agent1", "token1");
    await().until(() -> !streamCommands(second, MetricsStreamRequest.Action.START).isEmpty());
    assertThat(
            streamCommands(second, MetricsStreamRequest.Action.START)
                .get(0)
                .getMetricsRequest()
                .getStreamRequest()
                .getIntervalSeconds())
        .isEqualTo(2);
  }

  @Test
  void secondConnectionWithTheSameIdReplacesTheFirst() throws Exception {
    TestAgent first = connect("agent1", "token1");
    awaitConnected("agent1");

    TestAgent second = connectManual("agent1", "token1");
    Status ended = first.ended().get(5, TimeUnit.SECONDS);

    assertThat(ended.getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(second.nextCommand(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(agents.find("agent1").orElseThrow().connected()).isTrue();
    assertThat(agents.size()).isEqualTo(1);
  }

  @Test
  void wrongTokenIsRejectedUnauthenticatedBeforeAnyMessage() throws Exception {
    TestAgent agent = connect("agent1", "shared");

    Status ended = agent.ended().get(5, TimeUnit.SECONDS);

    assertThat(ended.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(agent.received()).isEmpty();
    assertThat(agents.isKnown("agent1")).isFalse();
  }

  @Test
  void anyAgentIdIsAcceptedWithTheSharedToken() {
    connect("sim-7", "shared");

    awaitConnected("sim-7");
  }

  @Test
  void disconnectMarksTheAgentOfflineAndFailsItsOpenTasks() throws Exception {
    TestAgent agent = connectManual("agent1", "token1");
    TaskRequest systemInfo = agent.nextCommand(5, TimeUnit.SECONDS);

    agent.close();

    await().until(() -> !agents.find("agent1").orElseThrow().connected());
    assertThat(tasks.find(systemInfo.getTaskId()).orElseThrow().status())
        .isEqualTo(TaskStatus.FAILED);
  }

  @Test
  void aBufferedSnapshotGoesIntoHistoryButNeitherReplacesTheLatestNorTouchesTasks() {
    TestAgent first = connect("agent1", "token1");
    awaitConnected("agent1");
    streaming.holdForClient("agent1", "sse-1", 1);
    String oldTask = first.awaitStreaming();
    first.close();
    await().until(() -> agents.find("agent1").map(s -> !s.connected()).orElse(false));
    TaskStatus oldStatus = tasks.find(oldTask).orElseThrow().status();

    TestAgent second = connect("agent1", "token1");
    String newTask = second.awaitStreaming();
    await().until(() -> metricsEvents.stream().anyMatch(e -> !e.buffered()));
    long late = Snapshots.nowSeconds() - 20;
    second.send(
        TaskResponse.newBuilder()
            .setAgentId("agent1")
            .setTaskId(oldTask)
            .setStatus(TaskResponse.Status.IN_PROGRESS)
            .setMetricsResponse(
                MetricsResponse.newBuilder()
                    .setMetricsData(Snapshots.sample(late, 77.0).toBuilder().setBuffered(true)))
            .build());

    await().until(() -> metricsEvents.stream().anyMatch(MetricsReceived::buffered));
    MetricsReceived buffered =
        metricsEvents.stream().filter(MetricsReceived::buffered).findFirst().orElseThrow();
    assertThat(buffered.snapshot().getTimestamp()).isEqualTo(late);
    assertThat(store.latestMetrics("agent1").orElseThrow().getTimestamp()).isGreaterThan(late);
    HistoryResult history =
        graph.history.query(
            "agent1",
            new RangeQuery(Set.of("cpu.usage_percent"), late, late, 0, 100, Aggregation.AVG));
    assertThat(history.points()).hasSize(1);
    assertThat(history.points().get(0).values()).containsEntry("cpu.usage_percent", 77.0);
    assertThat(tasks.find(oldTask).orElseThrow().status()).isEqualTo(oldStatus);
    assertThat(tasks.find(newTask).orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(streaming.status("agent1").active()).isTrue();
  }

  @Test
  void messagesNameTheirAgentByTheAuthenticatedIdNotTheMessage() throws Exception {
    TestAgent agent = connectManual("agent1", "token1");
    TaskRequest systemInfo = agent.nextCommand(5, TimeUnit.SECONDS);

    agent.send(
        io.nodelink.metrics.pb.TaskResponse.newBuilder()
            .setAgentId("someone-else")
            .setTaskId(systemInfo.getTaskId())
            .setStatus(io.nodelink.metrics.pb.TaskResponse.Status.COMPLETED)
            .setIsFinal(true)
            .setMetricsResponse(
                io.nodelink.metrics.pb.MetricsResponse.newBuilder()
                    .setSystemInfo(Snapshots.systemInfo("test-host")))
            .build());

    await().until(() -> store.systemInfo("agent1").isPresent());
    assertThat(store.systemInfo("someone-else")).isEmpty();
  }

  private TestAgent connect(String agentId, String token) {
    TestAgent agent = TestAgent.connect(channel, agentId, token);
    testAgents.add(agent);
    return agent;
  }

  private TestAgent connectManual(String agentId, String token) {
    TestAgent agent = TestAgent.connectManual(channel, agentId, token);
    testAgents.add(agent);
    return agent;
  }

  private void awaitConnected(String agentId) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> agents.find(agentId).map(s -> s.connected()).orElse(false));
  }

  private static List<TaskRequest> streamCommands(
      TestAgent agent, MetricsStreamRequest.Action action) {
    return agent.received().stream()
        .filter(c -> c.getMetricsRequest().hasStreamRequest())
        .filter(c -> c.getMetricsRequest().getStreamRequest().getAction() == action)
        .toList();
  }
}
