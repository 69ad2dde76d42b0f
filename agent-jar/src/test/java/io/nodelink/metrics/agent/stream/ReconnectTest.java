package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import io.nodelink.metrics.testkit.server.FakeAgentServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The server goes away and comes back on the same port; the agent finds it again. */
class ReconnectTest {

  @Test
  void agentReconnectsWithinTheCapAndStreamsAgainWhenAsked() throws Exception {
    FakeAgentServer first =
        FakeAgentServer.builder(
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)))
            .accept("*", "t")
            .start();
    int port = first.port();
    AgentConfig config =
        AgentConfig.from(
            Map.of("server", "127.0.0.1:" + port, "agent.id", "r1", "agent.token", "t"));
    ManagedChannel channel = Channels.forConfig(config);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    FakeSource source = new FakeSource();
    AgentConnection agent =
        new AgentConnection(
            "r1",
            "t",
            config.server(),
            channel,
            source,
            scheduler,
            new Backoff(200, 1000, Math::random),
            false);
    FakeAgentServer second = null;
    try {
      agent.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> first.isConnected("r1"));
      first.send("r1", TaskRequests.stream("T1", MetricsStreamRequest.Action.START, 1));
      assertThat(first.next().getStatus()).isEqualTo(TaskResponse.Status.IN_PROGRESS);

      first.close(); // server gone
      await().atMost(Duration.ofSeconds(10)).until(() -> !agent.isStreaming());
      long attemptsWhileDown = agent.connectCount();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> agent.connectCount() >= attemptsWhileDown + 2);

      second =
          FakeAgentServer.builder(
                  NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)))
              .accept("*", "t")
              .start();
      FakeAgentServer back = second;
      // The cap is 1 s: the agent must be back well within a few of them.
      await().atMost(Duration.ofSeconds(5)).until(() -> back.isConnected("r1"));
      back.send("r1", TaskRequests.stream("T2", MetricsStreamRequest.Action.START, 1));
      assertThat(back.next().getTaskId()).isEqualTo("T2");
      TaskResponse data = back.next();
      assertThat(data.getTaskId()).isEqualTo("T2");
      assertThat(data.getMetricsResponse().hasMetricsData()).isTrue();
    } finally {
      agent.stop(2000);
      scheduler.shutdownNow();
      channel.shutdownNow();
      if (second != null) {
        second.close();
      }
    }
  }
}
