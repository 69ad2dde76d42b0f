package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.sse.SseStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The alert stream of the whole cluster: a client of this server's {@code /alerts/stream} also gets
 * the alert events of the agents the other live servers evaluate, from their own alert streams.
 * After each cluster heartbeat, every open client gets the stream of each live server it lacks: a
 * server that joined, or restarted, after the client connected is added, and a server whose stream
 * could not be opened is tried again.
 */
@ApplicationScoped
public class ClusterAlertStream {

  private static final String PATH = "/alerts/stream";

  @Inject PeerQueries peers;

  @Inject ClusterNode cluster;

  private final Set<ClientShares> clients = ConcurrentHashMap.newKeySet();

  /**
   * Adds the other servers' alert events to {@code client}, until it closes.
   *
   * @param credentials the caller's {@code Authorization} and {@code Cookie} headers (name, value)
   */
  public void addOtherServers(SseStream client, Map<String, String> credentials) {
    addOtherServers(client::pass, client::whenClosed, credentials);
  }

  /**
   * As {@link #addOtherServers(SseStream, Map)}, for a client given by what passes an event to it
   * (false once it is closed) and what runs an action when it closes.
   */
  void addOtherServers(
      Predicate<byte[]> pass, Consumer<Runnable> whenClosed, Map<String, String> credentials) {
    if (!cluster.enabled()) {
      return;
    }
    ClientShares client = new ClientShares(pass, credentials);
    clients.add(client);
    whenClosed.accept(
        () -> {
          clients.remove(client);
          client.close();
        });
    client.openMissing(cluster.peers());
  }

  void onHeartbeat(@Observes PeersAlive alive) {
    for (ClientShares client : clients) {
      client.openMissing(alive.peers());
    }
  }

  /** The other servers' streams one client gets, by node id. */
  private final class ClientShares {

    private final Predicate<byte[]> pass;
    private final Map<String, String> credentials;
    private final Map<String, PeerEvents> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ClientShares(Predicate<byte[]> pass, Map<String, String> credentials) {
      this.pass = pass;
      this.credentials = credentials;
    }

    /** Opens the stream of each of {@code live} this client has none of. */
    void openMissing(List<Peer> live) {
      for (Peer peer : live) {
        if (closed || open.containsKey(peer.nodeId())) {
          continue;
        }
        PeerEvents events = new PeerEvents(pass);
        if (open.putIfAbsent(peer.nodeId(), events) != null) {
          continue;
        }
        peers
            .streamFrom(peer, PATH, credentials, events)
            // Ended or never opened: the next heartbeat opens it again if the server is alive.
            .whenComplete((ignored, error) -> open.remove(peer.nodeId(), events));
        if (closed) {
          events.cancel();
        }
      }
    }

    void close() {
      closed = true;
      open.values().forEach(PeerEvents::cancel);
    }
  }
}
