package io.nodelink.metrics.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.nodelink.metrics.pb.MetricsStreamRequest.Action;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.auth.AgentAuthInterceptor;
import io.nodelink.metrics.server.auth.AgentTokens;
import io.nodelink.metrics.server.streaming.ManualStart;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.streaming.StreamingStatus;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.testing.ServerGraph;
import io.nodelink.metrics.testkit.agent.TestAgent;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Continuous collection over in-process gRPC: with a baseline every connected agent streams with
 * nobody watching, holders lower the interval, and their leaving returns the agent to the baseline.
 */
class ContinuousCollectionTest {

  private static final int BASELINE = 2;

  private final ServerGraph graph = new ServerGraph(Clock.systemUTC(), false, e -> {}, BASELINE);
  private final StreamingControl streaming = graph.streaming;
  private GrpcServerLifecycle server;
  private ManagedChannel channel;
  private TestAgent agent;

  @BeforeEach
  void startServerAndAgent() throws Exception {
    AgentTokens tokens = AgentTokens.parse("agent1:token1", List.of());
    String name = InProcessServerBuilder.generateName();
    server =
        new GrpcServerLifecycle(
            InProcessServerBuilder.forName(name),
            new AgentStreamService(graph.ingest),
            new AgentAuthInterceptor(() -> tokens));
    server.start();
    channel = InProcessChannelBuilder.forName(name).build();
    agent = TestAgent.connect(channel, "agent1", "token1");
  }

  @AfterEach
  void stopServer() {
    agent.close();
    channel.shutdownNow();
    server.stopNow();
  }

  @Test
  void connectedAgentStreamsAtTheBaselineWithNobodyWatching() {
    TaskRequest start = agent.awaitStart();

    assertThat(interval(start)).isEqualTo(BASELINE);
    assertThat(start.getMetricsRequest().getStreamRequest().getMetricsList()).isEmpty();
    await().until(() -> agent.snapshotsSent() >= 2);
    await().until(() -> graph.history.seriesOf("agent1").contains("cpu.usage_percent"));
    StreamingStatus status = streaming.status("agent1");
    assertThat(status.active()).as("no client asked for this stream").isFalse();
    assertThat(status.wanted()).isFalse();
    assertThat(status.collectionIntervalSeconds()).isEqualTo(BASELINE);
  }

  @Test
  void holderLowersTheIntervalAndItsLeavingReturnsToTheBaseline() {
    String streamTask = agent.awaitStreaming();

    streaming.holdForClient("agent1", "sse-1", 1);
    await().until(() -> agent.streamingInterval() == 1);
    assertThat(streaming.status("agent1").active()).isTrue();
    assertThat(streaming.status("agent1").collectionIntervalSeconds()).isEqualTo(1);

    streaming.releaseClient("agent1", "sse-1");
    await().until(() -> agent.streamingInterval() == BASELINE);
    long before = agent.snapshotsSent();
    await().until(() -> agent.snapshotsSent() > before);

    assertThat(agent.streamingTaskId()).isEqualTo(streamTask);
    assertThat(commands(Action.STOP)).isEmpty();
    assertThat(commands(Action.UPDATE_INTERVAL)).hasSize(2);
    assertThat(streaming.status("agent1").active()).isFalse();
    assertThat(streaming.status("agent1").collectionIntervalSeconds()).isEqualTo(BASELINE);
  }

  @Test
  void manualStopWithoutOtherHoldersReturnsToTheBaselineInsteadOfStopping() {
    agent.awaitStreaming();
    streaming.startManual("agent1", 1, List.of("cpu"));
    await().until(() -> agent.streamingInterval() == 1);

    TaskView stopped = streaming.stopManual("agent1");

    assertThat(stopped.type()).isEqualTo(TaskType.METRICS_UPDATE);
    await().until(() -> agent.streamingInterval() == BASELINE);
    assertThat(agent.streamingGroups()).isEmpty();
    assertThat(commands(Action.STOP)).isEmpty();
    assertThat(streaming.status("agent1").wanted()).isFalse();
  }

  @Test
  void manualStopAtTheBaselineIntervalSaysCollectionContinues() {
    agent.awaitStreaming();
    ManualStart started = streaming.startManual("agent1", 30, List.of());
    assertThat(started.effectiveInterval()).isEqualTo(BASELINE);
    assertThat(started.setByBaseline()).isTrue();

    TaskView stopped = streaming.stopManual("agent1");

    assertThat(stopped.type()).isEqualTo(TaskType.LOCAL);
    assertThat(stopped.message()).isEqualTo("collection continues every " + BASELINE + " s");
    assertThat(commands(Action.STOP)).isEmpty();
  }

  private List<TaskRequest> commands(Action action) {
    return agent.received(
        c ->
            c.getMetricsRequest().hasStreamRequest()
                && c.getMetricsRequest().getStreamRequest().getAction() == action);
  }

  private static int interval(TaskRequest start) {
    return start.getMetricsRequest().getStreamRequest().getIntervalSeconds();
  }
}
