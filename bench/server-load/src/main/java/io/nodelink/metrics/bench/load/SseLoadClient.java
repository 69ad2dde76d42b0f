package io.nodelink.metrics.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SSE connection to {@code /agents/{id}/metrics/stream?interval=1}, read asynchronously line by
 * line (no thread per connection). Each {@code metrics} event is reported to {@link Deliveries}
 * with its receipt time; an end of the stream that the benchmark did not ask for is a disconnect.
 * (Not the test kit's {@code SseTestClient}: that one keeps every event and reads on a thread per
 * connection, which a thousand clients measured for latency cannot afford.)
 */
final class SseLoadClient implements Flow.Subscriber<String> {

  private final int agent;
  private final String agentId;
  private final Deliveries deliveries;
  private final Counters counters;
  private final SnapshotEvents events = new SnapshotEvents();
  private final CompletableFuture<Integer> connected = new CompletableFuture<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Flow.Subscription subscription;
  private boolean joined;

  SseLoadClient(int agent, String agentId, Deliveries deliveries, Counters counters) {
    this.agent = agent;
    this.agentId = agentId;
    this.deliveries = deliveries;
    this.counters = counters;
  }

  /**
   * Opens the stream.
   *
   * @return completes with the HTTP status once the response headers arrived
   */
  CompletableFuture<Integer> open(HttpClient http, URI base, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/agents/" + agentId + "/metrics/stream?interval=1"))
            .header("Accept", "text/event-stream")
            .timeout(timeout)
            .GET()
            .build();
    http.sendAsync(
            request,
            info -> {
              connected.complete(info.statusCode());
              if (info.statusCode() != 200) {
                counters.httpErrors.increment();
                return BodySubscribers.discarding();
              }
              synchronized (this) {
                joined = true;
                deliveries.clientJoined(agent);
              }
              return BodySubscribers.fromLineSubscriber(this);
            })
        .whenComplete(
            (response, error) -> {
              if (error != null && !connected.isDone()) {
                counters.httpErrors.increment();
                connected.completeExceptionally(error);
              }
            });
    return connected;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closing.get()) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(String line) {
    SnapshotEvents.Snapshot snapshot = events.line(line);
    if (snapshot != null) {
      long now = System.nanoTime();
      if (snapshot.agentId().equals(agentId)) {
        deliveries.received(agent, snapshot.timestamp(), now);
      } else {
        counters.foreignEvents.increment();
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    end();
  }

  @Override
  public void onComplete() {
    end();
  }

  private void end() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (joined) {
        deliveries.clientLeft(agent);
      }
    }
    if (!closing.get()) {
      counters.sseDisconnects.increment();
    }
  }

  /** Closes the connection (not counted as a disconnect). */
  void close() {
    closing.set(true);
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
