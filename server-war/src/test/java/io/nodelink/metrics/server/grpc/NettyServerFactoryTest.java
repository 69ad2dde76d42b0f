package io.nodelink.metrics.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.agents.AgentChannel;
import io.nodelink.metrics.server.auth.AgentAuthInterceptor;
import io.nodelink.metrics.server.auth.AgentTokens;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.ingest.AgentStreamHandler;
import io.nodelink.metrics.testkit.agent.TestAgent;
import java.io.File;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real Netty transport on a loopback port: plaintext and TLS. */
class NettyServerFactoryTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final EventLoops loops = new EventLoops(Executors.defaultThreadFactory());
  private final List<String> connected = new CopyOnWriteArrayList<>();
  private final List<String> receivedTaskIds = new CopyOnWriteArrayList<>();
  private GrpcServerLifecycle server;
  private ManagedChannel channel;

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.stopNow();
    }
    loops.close();
    executor.shutdownNow();
  }

  @Test
  void tlsServerAcceptsAClientThatTrustsItsCertificate() throws Exception {
    start(
        Map.of(
            ServerConfig.GRPC_TLS_CERT,
            fixture("cert.pem"),
            ServerConfig.GRPC_TLS_KEY,
            fixture("key.pem")));
    channel =
        Grpc.newChannelBuilderForAddress(
                "localhost",
                server.port(),
                TlsChannelCredentials.newBuilder()
                    .trustManager(new File(fixture("cert.pem")))
                    .build())
            .build();

    try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
      await().until(() -> connected.contains("agent1"));
      assertThat(agent.ended()).isNotDone();
    }
  }

  @Test
  void plaintextClientCannotTalkToATlsServer() throws Exception {
    start(
        Map.of(
            ServerConfig.GRPC_TLS_CERT,
            fixture("cert.pem"),
            ServerConfig.GRPC_TLS_KEY,
            fixture("key.pem")));
    channel =
        Grpc.newChannelBuilderForAddress(
                "localhost", server.port(), InsecureChannelCredentials.create())
            .build();

    try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
      Status ended = agent.ended().get(10, TimeUnit.SECONDS);
      assertThat(ended.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }
    assertThat(connected).isEmpty();
  }

  @Test
  void plaintextServerOnTheConfiguredHostServesAgents() throws Exception {
    start(Map.of());
    channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", server.port(), InsecureChannelCredentials.create())
            .build();

    try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
      await().until(() -> connected.contains("agent1"));
    }
  }

  @Test
  void aConnectionWithNoCallIsClosedAfterTheIdleTimeButAnAgentsStreamStays() throws Exception {
    start(Map.of(ServerConfig.GRPC_MAX_CONNECTION_IDLE, "1s"));
    channel = plaintextChannel();
    ManagedChannel idle = plaintextChannel();
    try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
      await().until(() -> connected.contains("agent1"));

      await().until(() -> idle.getState(true) == ConnectivityState.READY);
      // The client's own idle timeout is 30 min: only the server's GOAWAY makes it leave READY.
      await().until(() -> idle.getState(false) == ConnectivityState.IDLE);

      // The agent's connection is older than the one just closed, and still serves its stream.
      assertThat(channel.getState(false)).isEqualTo(ConnectivityState.READY);
      agent.send(TaskResponse.newBuilder().setTaskId("after-idle").build());
      await().until(() -> receivedTaskIds.contains("after-idle"));
      assertThat(agent.ended()).isNotDone();
    } finally {
      idle.shutdownNow();
    }
  }

  @Test
  void callsBeyondTheLimitPerConnectionWaitForAFreeSlot() throws Exception {
    start(Map.of(ServerConfig.GRPC_MAX_CALLS_PER_CONNECTION, "1"));
    channel = plaintextChannel();

    try (TestAgent first = TestAgent.connect(channel, "agent1", "token1");
        TestAgent second = startSecond(first)) {
      // The server announced a limit of one stream, so the client holds the second call back.
      // This message was sent after it: once it has arrived, an unlimited server would (almost
      // always) have connected agent2 too.
      first.send(TaskResponse.newBuilder().setTaskId("barrier").build());
      await().until(() -> receivedTaskIds.contains("barrier"));
      assertThat(connected).containsExactly("agent1");

      // The agent's clean end (half-close) frees the slot; the waiting call opens.
      first.closeStream();
      await().until(() -> connected.contains("agent2"));
      assertThat(second.ended()).isNotDone();
    }
  }

  private TestAgent startSecond(TestAgent first) {
    await().until(() -> connected.contains(first.agentId()));
    return TestAgent.connect(channel, "agent2", "token1");
  }

  @Test
  void connectionsBeyondTheUnauthenticatedCapPerSourceAreClosedAtAccept() throws Exception {
    AtomicInteger refused = new AtomicInteger();
    UnauthenticatedConnections guard =
        new UnauthenticatedConnections(
            2, refused::incrementAndGet, System::nanoTime, Duration.ofMinutes(1));
    start(Map.of(), guard);
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (Socket first = new Socket(loopback, server.port());
        Socket second = new Socket(loopback, server.port())) {
      await().until(() -> guard.pending(loopback) == 2);
      try (Socket third = new Socket(loopback, server.port())) {
        third.setSoTimeout(10_000);
        assertThat(third.getInputStream().read()).isEqualTo(-1); // closed by the server
      }
      assertThat(refused).hasValue(1);

      first.close();
      await().until(() -> guard.pending(loopback) == 1);
      channel = plaintextChannel();
      try (TestAgent agent = TestAgent.connect(channel, "agent1", "token1")) {
        await().until(() -> connected.contains("agent1"));
        // The agent's connection authenticated: it no longer counts against the source.
        assertThat(guard.pending(loopback)).isEqualTo(1);
      }
    }
  }

  @Test
  void halfATlsConfigurationIsAnError() throws Exception {
    ServerConfig config = config(Map.of(ServerConfig.GRPC_TLS_CERT, fixture("cert.pem")));

    assertThatThrownBy(() -> NettyServerFactory.builder(config, executor, loops))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ServerConfig.GRPC_TLS_KEY);
  }

  private void start(Map<String, String> values) throws Exception {
    start(values, UnauthenticatedConnections.unlimited());
  }

  private void start(Map<String, String> values, UnauthenticatedConnections guard)
      throws Exception {
    server =
        new GrpcServerLifecycle(
            NettyServerFactory.builder(config(values), executor, loops, guard),
            new AgentStreamService(new RecordingHandler()),
            new AgentAuthInterceptor(
                () -> AgentTokens.parse("agent1:token1,agent2:token1", List.of()),
                guard::authenticated));
    server.start();
  }

  private ManagedChannel plaintextChannel() {
    return Grpc.newChannelBuilderForAddress(
            "127.0.0.1", server.port(), InsecureChannelCredentials.create())
        .build();
  }

  private static ServerConfig config(Map<String, String> values) {
    Map<String, String> all = new java.util.HashMap<>(values);
    all.put(ServerConfig.GRPC_PORT, "0");
    all.put(ServerConfig.GRPC_HOST, "127.0.0.1");
    return new ServerConfig(key -> Optional.ofNullable(all.get(key)));
  }

  private static String fixture(String name) throws URISyntaxException {
    return new File(NettyServerFactoryTest.class.getResource("/tls/" + name).toURI()).getPath();
  }

  /** Records accepted agents. */
  private final class RecordingHandler implements AgentStreamHandler {
    @Override
    public void connected(AgentChannel channel) {
      connected.add(channel.agentId());
    }

    @Override
    public void received(AgentChannel channel, TaskResponse response) {
      receivedTaskIds.add(response.getTaskId());
    }

    @Override
    public void disconnected(AgentChannel channel) {}
  }
}
