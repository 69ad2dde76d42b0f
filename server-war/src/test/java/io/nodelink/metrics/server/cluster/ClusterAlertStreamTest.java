package io.nodelink.metrics.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster's alert stream against other servers on real loopback HTTP: servers that come up, end
 * their stream or restart after a client connected are taken up at the next heartbeat.
 */
class ClusterAlertStreamTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> received = Collections.synchronizedList(new ArrayList<>());
  private final List<Runnable> closeActions = new ArrayList<>();
  private final AtomicInteger streamsServed = new AtomicInteger();
  private final BlockingQueue<HttpExchange> openStreams = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    closeActions.forEach(Runnable::run);
    servers.forEach(server -> server.stop(0));
    executor.shutdownNow();
  }

  @Test
  void aServerThatJoinsAfterTheClientConnectedIsAddedAtTheNextHeartbeat() throws IOException {
    int port = freePort();
    Peer b = new Peer("b", URI.create("http://127.0.0.1:" + port));
    ClusterAlertStream stream = clusterStream(List.of());
    connectClient(stream);

    startServer(port);
    stream.onHeartbeat(new PeersAlive(List.of(b)));

    awaitEvents(1);
  }

  @Test
  void aServerWhoseStreamEndedIsOpenedAgainAndAClosedClientIsLeftAlone() throws Exception {
    int port = freePort();
    Peer b = new Peer("b", URI.create("http://127.0.0.1:" + port));
    startServer(port);
    ClusterAlertStream stream = clusterStream(List.of(b));
    connectClient(stream);
    awaitEvents(1);

    // A heartbeat while b's stream is open opens no second one.
    stream.onHeartbeat(new PeersAlive(List.of(b)));
    assertThat(streamsServed).hasValue(1);

    // b restarted: its stream ended, and the next heartbeat opens it again.
    openStreams.take().close();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              stream.onHeartbeat(new PeersAlive(List.of(b)));
              assertThat(streamsServed).hasValue(2);
            });
    awaitEvents(2);

    closeActions.forEach(Runnable::run);
    stream.onHeartbeat(new PeersAlive(List.of(b)));
    assertThat(streamsServed).as("no stream for a closed client").hasValue(2);
  }

  /** This server's cluster stream, {@code alive} being the other servers when a client connects. */
  private ClusterAlertStream clusterStream(List<Peer> alive) {
    ClusterNode node = new AliveWith(alive);
    PeerQueries queries = new PeerQueries();
    queries.cluster = node;
    queries.http = PeerQueries.client(executor);
    ClusterAlertStream stream = new ClusterAlertStream();
    stream.peers = queries;
    stream.cluster = node;
    return stream;
  }

  private void connectClient(ClusterAlertStream stream) {
    stream.addOtherServers(
        event -> received.add(new String(event, StandardCharsets.UTF_8)),
        closeActions::add,
        Map.of("Authorization", "Bearer t"));
  }

  private void awaitEvents(int count) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(received)
                    .hasSize(count)
                    .allSatisfy(e -> assertThat(e).startsWith("event: alert\n")));
  }

  /**
   * A server of the cluster: its alert stream sends one event, then a keep-alive, and stays open.
   */
  private void startServer(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(executor);
    server.createContext(
        "/alerts/stream",
        exchange -> {
          assertThat(exchange.getRequestHeaders().getFirst(PeerQueries.OWN_ANSWER))
              .isEqualTo("true");
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          body.write(
              "event: alert\ndata: {\"rule\":\"r\"}\n\n: keepalive\n\n"
                  .getBytes(StandardCharsets.UTF_8));
          body.flush();
          streamsServed.incrementAndGet();
          openStreams.add(exchange);
        });
    server.start();
    servers.add(server);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** This server as node a of a cluster whose other live servers are {@code peers}. */
  private static final class AliveWith extends ClusterNode {
    private final List<Peer> peers;

    AliveWith(List<Peer> peers) {
      this.peers = peers;
    }

    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public ClusterSettings settings() {
      return ClusterSettings.read(
          key ->
              Optional.ofNullable(
                  Map.of(
                          ClusterSettings.NODE_ID, "a",
                          ClusterSettings.ADVERTISE_URL, "http://127.0.0.1:1")
                      .get(key)));
    }

    @Override
    public List<Peer> peers() {
      return peers;
    }
  }
}
