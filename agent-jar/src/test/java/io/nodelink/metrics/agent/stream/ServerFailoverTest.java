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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * {@code server=a,b,c}: the agent skips a server that does not answer, and when its server goes
 * away it is on the next one within its reconnect cap, streaming again when asked.
 */
class ServerFailoverTest {

  @Test
  void theAgentTakesTheFirstServerThatAnswersAndFailsOverToTheNext() throws Exception {
    int nobody = freePort();
    FakeAgentServer a = server(0);
    FakeAgentServer b = server(0);
    AgentConfig config =
        AgentConfig.from(
            Map.of(
                "server",
                "127.0.0.1:" + nobody + ", 127.0.0.1:" + a.port() + ";127.0.0.1:" + b.port(),
                "agent.id",
                "f1",
                "agent.token",
                "t"));
    ManagedChannel channel = Channels.forConfig(config);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    AgentConnection agent =
        new AgentConnection(
            "f1",
            "t",
            config.server(),
            channel,
            new FakeSource(),
            scheduler,
            new Backoff(200, 1000, Math::random),
            false);
    try {
      agent.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> a.isConnected("f1"));
      assertThat(b.isConnected("f1")).isFalse();

      a.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> b.isConnected("f1"));
      b.send("f1", TaskRequests.stream("T1", MetricsStreamRequest.Action.START, 1));
      assertThat(b.next().getTaskId()).isEqualTo("T1");
      TaskResponse data = b.next();
      assertThat(data.getMetricsResponse().hasMetricsData()).isTrue();
    } finally {
      agent.stop(2000);
      scheduler.shutdownNow();
      channel.shutdownNow();
      a.close();
      b.close();
    }
  }

  private static FakeAgentServer server(int port) throws IOException {
    return FakeAgentServer.builder(
            NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)))
        .accept("*", "t")
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
