package io.nodelink.metrics.agent.stream;

import static io.nodelink.metrics.pb.MetricsStreamRequest.Action.START;
import static io.nodelink.metrics.pb.MetricsStreamRequest.Action.STOP;
import static io.nodelink.metrics.pb.MetricsStreamRequest.Action.UPDATE_INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsQueryRequest;
import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.pb.TaskResponse.Status;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import io.nodelink.metrics.testkit.server.FakeAgentServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole protocol over an in-process gRPC server that keeps the contract. */
class AgentProtocolTest {
  private static final String ID = "agent1";

  private FakeAgentServer server;
  private ManagedChannel channel;
  private ScheduledExecutorService scheduler;
  private final FakeSource source = new FakeSource();
  private AgentConnection agent;

  @BeforeEach
  void connect() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        FakeAgentServer.builder(InProcessServerBuilder.forName(name)).accept(ID, "token1").start();
    channel = InProcessChannelBuilder.forName(name).build();
    scheduler = Executors.newSingleThreadScheduledExecutor();
    agent = agent(ID, "token1");
    agent.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.isConnected(ID));
  }

  private AgentConnection agent(String id, String token) {
    return new AgentConnection(
        id,
        token,
        "in-process",
        channel,
        source,
        scheduler,
        new Backoff(50, 200, () -> 0.5),
        false);
  }

  @AfterEach
  void close() throws Exception {
    agent.stop(2000);
    scheduler.shutdownNow();
    channel.shutdownNow();
    server.close();
  }

  @Test
  void theCallCarriesAgentIdAndTokenMetadata() {
    assertThat(server.authenticatedIds()).containsExactly(ID);
  }

  @Test
  void aWrongTokenIsRejectedAndTheAgentKeepsRetrying() {
    AgentConnection intruder = agent("agent1", "wrong");
    intruder.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> intruder.connectCount() >= 3);
    assertThat(server.authenticatedIds()).containsExactly(ID);
    intruder.beginStop();
  }

  @Test
  void startIsAckedThenDataFlowsPromptlyWithOnlyTheAskedGroupsUntilStop() throws Exception {
    server.send(ID, TaskRequests.stream("T1", START, 1, "cpu", "load"));

    TaskResponse ack = server.next();
    assertThat(ack.getTaskId()).isEqualTo("T1");
    assertThat(ack.getStatus()).isEqualTo(Status.IN_PROGRESS);
    assertThat(ack.getIsFinal()).isFalse();
    assertThat(ack.hasMetricsResponse()).isFalse();
    assertThat(ack.getAgentId()).isEqualTo(ID);

    TaskResponse data = server.next();
    assertThat(data.getTaskId()).isEqualTo("T1");
    assertThat(data.getStatus()).isEqualTo(Status.IN_PROGRESS);
    MetricsDataResponse m = data.getMetricsResponse().getMetricsData();
    assertThat(m.hasCpu()).isTrue();
    assertThat(m.hasLoad()).isTrue();
    assertThat(m.hasMemory()).isFalse();
    assertThat(source.primed).containsExactly(EnumSet.of(MetricGroup.CPU, MetricGroup.LOAD));
    TaskResponse second = server.next();
    assertThat(second.getMetricsResponse().getMetricsData().getTimestamp())
        .isEqualTo(m.getTimestamp() + 1);

    server.send(ID, TaskRequests.stream("T2", STOP, 0));

    TaskResponse endOfStream = server.nextNonData();
    assertThat(endOfStream.getTaskId()).isEqualTo("T1");
    assertThat(endOfStream.getStatus()).isEqualTo(Status.COMPLETED);
    assertThat(endOfStream.getIsFinal()).isTrue();
    TaskResponse stopAck = server.next();
    assertThat(stopAck.getTaskId()).isEqualTo("T2");
    assertThat(stopAck.getStatus()).isEqualTo(Status.COMPLETED);
    assertThat(stopAck.getIsFinal()).isTrue();
    assertThat(agent.isStreaming()).isFalse();
  }

  @Test
  void updateIntervalChangesPeriodAndGroupsOfTheRunningStream() throws Exception {
    server.send(ID, TaskRequests.stream("T1", START, 1));
    assertThat(server.next().getStatus()).isEqualTo(Status.IN_PROGRESS);
    assertThat(server.next().getMetricsResponse().getMetricsData().hasCpu()).isTrue();

    server.send(ID, TaskRequests.stream("T3", UPDATE_INTERVAL, 2, "memory"));

    TaskResponse ack = server.nextNonData();
    assertThat(ack.getTaskId()).isEqualTo("T3");
    assertThat(ack.getStatus()).isEqualTo(Status.COMPLETED);
    assertThat(ack.getIsFinal()).isTrue();
    TaskResponse after = server.next();
    assertThat(after.getTaskId()).isEqualTo("T1");
    assertThat(after.getMetricsResponse().getMetricsData().hasMemory()).isTrue();
    assertThat(after.getMetricsResponse().getMetricsData().hasCpu()).isFalse();
  }

  @Test
  void intervalsOutsideOneToThreeHundredFailAndChangeNothing() throws Exception {
    server.send(ID, TaskRequests.stream("bad", START, 301));
    TaskResponse r = server.next();
    assertThat(r.getTaskId()).isEqualTo("bad");
    assertThat(r.getStatus()).isEqualTo(Status.FAILURE);
    assertThat(r.getIsFinal()).isTrue();
    assertThat(r.getTaskCancel().getMessage()).contains("between 1 and 300");
    assertThat(agent.isStreaming()).isFalse();

    server.send(ID, TaskRequests.stream("T1", START, 0, "cpu")); // 0 = the default 5 s
    assertThat(server.next().getStatus()).isEqualTo(Status.IN_PROGRESS);
    server.send(ID, TaskRequests.stream("U", UPDATE_INTERVAL, 0, "memory"));
    TaskResponse u = server.nextNonData();
    assertThat(u.getTaskId()).isEqualTo("U");
    assertThat(u.getStatus()).isEqualTo(Status.FAILURE);
    TaskResponse data = server.next();
    assertThat(data.getTaskId()).isEqualTo("T1");
    assertThat(data.getMetricsResponse().getMetricsData().hasCpu()).isTrue();
    assertThat(data.getMetricsResponse().getMetricsData().hasMemory()).isFalse();
  }

  @Test
  void cancellingTheStreamingTaskStopsItAndSaysSo() throws Exception {
    server.send(ID, TaskRequests.stream("T1", START, 1));
    server.next();
    server.send(ID, TaskRequests.cancel("T1", "user asked"));

    TaskResponse r = server.nextNonData();
    assertThat(r.getTaskId()).isEqualTo("T1");
    assertThat(r.getStatus()).isEqualTo(Status.COMPLETED);
    assertThat(r.getIsFinal()).isTrue();
    assertThat(r.getCancelled()).isTrue();
    assertThat(r.getTaskCancel().getMessage()).contains("user asked");
    assertThat(agent.isStreaming()).isFalse();

    server.send(ID, TaskRequests.cancel("T1", "again"));
    TaskResponse unknown = server.next();
    assertThat(unknown.getStatus()).isEqualTo(Status.FAILURE);
    assertThat(unknown.getIsFinal()).isTrue();
  }

  @Test
  void aNewStartReplacesTheRunningStream() throws Exception {
    server.send(ID, TaskRequests.stream("T1", START, 1));
    server.next();
    server.send(ID, TaskRequests.stream("T4", START, 2, "memory"));

    TaskResponse ended = server.nextNonData();
    assertThat(ended.getTaskId()).isEqualTo("T1");
    assertThat(ended.getStatus()).isEqualTo(Status.COMPLETED);
    assertThat(ended.getIsFinal()).isTrue();
    TaskResponse ack = server.next();
    assertThat(ack.getTaskId()).isEqualTo("T4");
    assertThat(ack.getStatus()).isEqualTo(Status.IN_PROGRESS);
    assertThat(server.next().getTaskId()).isEqualTo("T4");
  }

  @Test
  void systemInfoIsAnsweredWithOneFinalResponse() throws Exception {
    server.send(ID, TaskRequests.systemInfo("S1"));
    TaskResponse r = server.next();
    assertThat(r.getTaskId()).isEqualTo("S1");
    assertThat(r.getStatus()).isEqualTo(Status.COMPLETED);
    assertThat(r.getIsFinal()).isTrue();
    assertThat(r.getMetricsResponse().getSystemInfo().getSoftware().getHostname())
        .isEqualTo("fake-host");
  }

  @Test
  void unsupportedRequestsFailWithAReasonAndTheAgentCarriesOn() throws Exception {
    server.send(ID, TaskRequest.newBuilder().setTaskId("shell").build());
    TaskResponse r = server.next();
    assertThat(r.getStatus()).isEqualTo(Status.FAILURE);
    assertThat(r.getIsFinal()).isTrue();
    assertThat(r.getTaskCancel().getMessage()).isNotEmpty();

    server.send(
        ID,
        TaskRequest.newBuilder()
            .setTaskId("query")
            .setMetricsRequest(
                MetricsRequest.newBuilder().setQueryRequest(MetricsQueryRequest.newBuilder()))
            .build());
    assertThat(server.next().getStatus()).isEqualTo(Status.FAILURE);

    server.send(ID, TaskRequests.systemInfo("S2"));
    assertThat(server.next().getStatus()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void aCleanStopEndsTheRunningStreamWithAFinalMessage() throws Exception {
    server.send(ID, TaskRequests.stream("T1", START, 1));
    server.next();
    agent.stop(5000);
    TaskResponse r = server.nextNonData();
    assertThat(r.getTaskId()).isEqualTo("T1");
    assertThat(r.getStatus()).isEqualTo(Status.COMPLETED);
    assertThat(r.getIsFinal()).isTrue();
    await().atMost(5, TimeUnit.SECONDS).until(() -> !server.isConnected(ID));
  }
}
