package io.nodelink.metrics.server.sse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SSE clients of one agent. Not JAX-RS's {@code SseBroadcaster}: its {@code broadcast} writes
 * to each sink in turn on the caller's thread, so one stuck client would delay the rest and the
 * ingestion thread. Here a broadcast only queues the one shared frame for every client, and the
 * writes run on the executor.
 */
final class AgentBroadcaster {

  private final List<SseStream> clients = new CopyOnWriteArrayList<>();
  private final DrainScheduler drains;

  AgentBroadcaster(DrainScheduler drains) {
    this.drains = drains;
  }

  /**
   * Adds a client unless the limit is reached; the first frames are queued before it is registered,
   * so it sees the current snapshot before any newer broadcast. They are written once the stream
   * starts.
   */
  synchronized boolean register(SseStream client, int limit, List<SseFrame> first) {
    if (clients.size() >= limit) {
      return false;
    }
    for (SseFrame frame : first) {
      if (client.offer(frame, 0)) {
        client.drain(); // writes nothing before the stream starts; gives the claim back
      }
    }
    clients.add(client);
    return true;
  }

  /** Queues the frame for every client, in broadcast order, then has the writes run. */
  void broadcast(SseFrame frame, long receivedNanos) {
    List<SseStream> claimed = new ArrayList<>();
    synchronized (this) {
      for (SseStream client : clients) {
        if (client.offer(frame, receivedNanos)) {
          claimed.add(client);
        }
      }
    }
    drains.drainAll(claimed);
  }

  boolean remove(SseStream client) {
    return clients.remove(client);
  }

  int size() {
    return clients.size();
  }

  boolean isEmpty() {
    return clients.isEmpty();
  }

  void closeAll() {
    clients.forEach(SseStream::close);
  }
}
