package io.nodelink.metrics.agent.stream;

import static io.nodelink.metrics.pb.MetricsStreamRequest.Action.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import io.nodelink.metrics.testkit.server.FakeAgentServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server goes away while the agent streams; the agent keeps sampling and, once a server is back
 * under the same name, sends what it kept, oldest first, marked buffered.
 */
class BufferReplayTest {
  private static final String ID = "agent1";

  private final String name = InProcessServerBuilder.generateName();
  private final ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final FakeSource source = new FakeSource();
  private FakeAgentServer server;
  private AgentConnection agent;

  private FakeAgentServer startServer() throws Exception {
    return FakeAgentServer.builder(InProcessServerBuilder.forName(name)).accept(ID, "t").start();
  }

  private AgentConnection agent(SnapshotBuffer buffer) {
    return new AgentConnection(
        ID,
        "t",
        "in-process",
        channel,
        source,
        scheduler,
        new Backoff(50, 200, () -> 0.5),
        false,
        buffer);
  }

  @AfterEach
  void close() throws Exception {
    agent.stop(2000);
    scheduler.shutdownNow();
    channel.shutdownNow();
    server.close();
  }

  /** Streams at 1 s, then loses the server until {@code kept} snapshots wait in the buffer. */
  private long streamThenLoseTheServer(SnapshotBuffer buffer, int kept) throws Exception {
    server = startServer();
    agent = agent(buffer);
    agent.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.isConnected(ID));
    server.send(ID, TaskRequests.stream("T1", START, 1));
    assertThat(server.next().getStatus()).isEqualTo(TaskResponse.Status.IN_PROGRESS);
    MetricsDataResponse live = server.next().getMetricsResponse().getMetricsData();
    assertThat(live.getBuffered()).isFalse();
    server.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> buffer.size() >= kept);
    return live.getTimestamp();
  }

  @Test
  void whatWasMeasuredWhileDisconnectedIsSentOldestFirstMarkedBufferedAfterReconnect()
      throws Exception {
    SnapshotBuffer buffer = new SnapshotBuffer(600, 1 << 20);
    long live = streamThenLoseTheServer(buffer, 3);

    server = startServer();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.isConnected(ID));
    server.send(ID, TaskRequests.stream("T2", START, 1));
    await().atMost(Duration.ofSeconds(10)).until(buffer::isEmpty);
    await().atMost(Duration.ofSeconds(10)).until(() -> data(server.received(), false).size() >= 2);

    List<MetricsDataResponse> replayed = data(server.received(), true);
    assertThat(replayed).hasSizeGreaterThanOrEqualTo(3);
    assertThat(replayed.stream().map(MetricsDataResponse::getTimestamp).toList())
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(t -> t > live);
    assertThat(
            server.received().stream()
                .filter(r -> r.getMetricsResponse().getMetricsData().getBuffered())
                .map(TaskResponse::getTaskId))
        .containsOnly("T1");
    assertThat(
            server.received().stream()
                .filter(r -> r.getMetricsResponse().hasMetricsData())
                .filter(r -> !r.getMetricsResponse().getMetricsData().getBuffered())
                .map(TaskResponse::getTaskId))
        .containsOnly("T2");
    assertThat(buffer.dropped()).isZero();
  }

  @Test
  void theBufferIsSentEvenWhenTheServerAsksForNothingAfterTheGrace() throws Exception {
    SnapshotBuffer buffer = new SnapshotBuffer(600, 1 << 20);
    streamThenLoseTheServer(buffer, 2);

    server = startServer();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.isConnected(ID));
    await().atMost(Duration.ofSeconds(10)).until(() -> data(server.received(), true).size() >= 2);
    assertThat(data(server.received(), false)).isEmpty();
  }

  @Test
  void withoutABufferNothingIsSampledWhileDisconnected() throws Exception {
    SnapshotBuffer buffer = SnapshotBuffer.disabled();
    server = startServer();
    agent = agent(buffer);
    agent.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.isConnected(ID));
    server.send(ID, TaskRequests.stream("T1", START, 1));
    server.next();
    server.next();
    server.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.isStreaming());
    long before = source.samples.get();
    await()
        .during(Duration.ofMillis(2500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> source.samples.get() == before);
  }

  private static List<MetricsDataResponse> data(List<TaskResponse> received, boolean buffered) {
    return received.stream()
        .filter(r -> r.getMetricsResponse().hasMetricsData())
        .map(r -> r.getMetricsResponse().getMetricsData())
        .filter(d -> d.getBuffered() == buffered)
        .toList();
  }
}
