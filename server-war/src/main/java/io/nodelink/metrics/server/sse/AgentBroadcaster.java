package io.nodelink.metrics.server.sse;

import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SSE clients of one agent. Not JAX-RS's {@code SseBroadcaster}: its {@code broadcast} writes
 * to each sink in turn on the caller's thread, so one stuck client would delay the rest and the
 * ingestion thread. Here a broadcast only queues.
 */
final class AgentBroadcaster {

  private final List<SseClient> clients = new CopyOnWriteArrayList<>();

  /**
   * Adds a client unless the limit is reached; the first events are queued before it is registered,
   * so it sees the current snapshot before any newer broadcast.
   */
  synchronized boolean register(SseClient client, int limit, List<OutboundSseEvent> first) {
    if (clients.size() >= limit) {
      return false;
    }
    first.forEach(e -> client.offer(e, 0));
    clients.add(client);
    return true;
  }

  synchronized void broadcast(OutboundSseEvent event, long receivedNanos) {
    for (SseClient client : clients) {
      client.offer(event, receivedNanos);
    }
  }

  boolean remove(SseClient client) {
    return clients.remove(client);
  }

  int size() {
    return clients.size();
  }

  boolean isEmpty() {
    return clients.isEmpty();
  }

  void closeAll() {
    clients.forEach(SseClient::close);
  }
}
