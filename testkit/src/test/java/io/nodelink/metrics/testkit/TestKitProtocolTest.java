package io.nodelink.metrics.testkit;

import static io.nodelink.metrics.pb.MetricsStreamRequest.Action.START;
import static io.nodelink.metrics.pb.MetricsStreamRequest.Action.STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import io.nodelink.metrics.testkit.server.FakeAgentServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit's two ends against each other in-process: both keep the contract's protocol. */
class TestKitProtocolTest {

  private FakeAgentServer server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        FakeAgentServer.builder(InProcessServerBuilder.forName(name))
            .accept("agent1", "token1")
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.close();
  }

  @Test
  void startIsAckedThenSnapshotsFlowUntilStopEndsTheStream() throws Exception {
    try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
      await().until(() -> server.isConnected("agent1"));

      server.send("agent1", TaskRequests.stream("T1", START, 1, "cpu"));

      TaskResponse ack = server.next();
      assertThat(ack.getTaskId()).isEqualTo("T1");
      assertThat(ack.getStatus()).isEqualTo(TaskResponse.Status.IN_PROGRESS);
      assertThat(server.next().getMetricsResponse().hasMetricsData()).isTrue();
      assertThat(agent.streamingGroups()).containsExactly("cpu");

      server.send("agent1", TaskRequests.stream("T2", STOP, 0));
      TaskResponse ended = server.nextNonData();
      assertThat(ended.getTaskId()).isEqualTo("T1");
      assertThat(ended.getIsFinal()).isTrue();
      assertThat(server.nextNonData().getTaskId()).isEqualTo("T2");
      assertThat(agent.streamingTaskId()).isNull();
      assertThat(server.stats().snapshotsReceived()).isPositive();
    }
  }

  @Test
  void systemInfoIsAnsweredAndAManualAgentOnlyRecords() throws Exception {
    try (TestAgent agent = TestAgent.connectManual(channel, "agent1", "token1")) {
      await().until(() -> server.isConnected("agent1"));

      server.send("agent1", TaskRequests.systemInfo("S1"));

      assertThat(TaskRequests.isSystemInfo(agent.nextCommand(5, TimeUnit.SECONDS))).isTrue();
      assertThat(agent.sent()).isEmpty();
    }
    try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
      await().until(() -> server.isConnected("agent1"));
      server.send("agent1", TaskRequests.systemInfo("S2"));
      TaskResponse info = server.next();
      assertThat(info.getMetricsResponse().getSystemInfo().getSoftware().getHostname())
          .isEqualTo("agent1.test");
      assertThat(agent.received()).hasSize(1);
    }
  }

  @Test
  void aWrongTokenEndsTheCallUnauthenticated() {
    try (TestAgent agent = TestAgent.connect(channel, "agent1", "wrong")) {
      assertThat(agent.awaitEnded().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(server.authenticatedIds()).isEmpty();
    }
  }

  @Test
  void aSinkStartsEveryAgentOnConnectAndCountsWithoutRecording() throws Exception {
    String name = InProcessServerBuilder.generateName();
    try (FakeAgentServer sink =
            FakeAgentServer.builder(InProcessServerBuilder.forName(name))
                .startStreamingOnConnect(1)
                .recordResponses(false)
                .start();
        TestAgent agent =
            TestAgent.connect(
                InProcessChannelBuilder.forName(name).directExecutor().build(), "any", "t")) {

      await().until(() -> sink.stats().snapshotsReceived() >= 1);

      assertThat(agent.streamingTaskId()).isEqualTo(FakeAgentServer.START_ON_CONNECT_TASK);
      assertThat(sink.stats().report())
          .startsWith("sink: 1 agents connected, ")
          .containsPattern("\\d+ snapshots received");
    }
  }
}
