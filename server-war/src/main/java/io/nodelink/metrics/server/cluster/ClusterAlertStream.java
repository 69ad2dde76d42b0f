package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.sse.SseStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The alert stream of the whole cluster: a client of this server's {@code /alerts/stream} also gets
 * the alert events of the agents the other live servers evaluate, from their own alert streams.
 * Servers that join after the client connected are not added; a client that reconnects gets them.
 */
@ApplicationScoped
public class ClusterAlertStream {

  private static final String PATH = "/alerts/stream";

  @Inject PeerQueries peers;

  /**
   * Adds the other servers' alert events to {@code client}, until it closes.
   *
   * @param credentials the caller's {@code Authorization} and {@code Cookie} headers (name, value)
   */
  public void addOtherServers(SseStream client, Map<String, String> credentials) {
    peers.streamFromOthers(
        PATH,
        credentials,
        () -> {
          PeerEvents events = new PeerEvents(client::pass);
          client.whenClosed(events::cancel);
          return events;
        });
  }
}
