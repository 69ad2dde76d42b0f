package io.nodelink.metrics.server.alerts.notify;

import io.nodelink.metrics.server.alerts.Alert;
import io.nodelink.metrics.server.delivery.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One receiver: its queue of alerts to send and the one request in flight. {@link #flush} (on every
 * tick and after each offer) starts a send task unless one runs or a backoff waits; the task posts
 * batches until the queue is empty or a request fails. A failed request (I/O, 5xx, 429) is retried
 * with backoff; any other 4xx drops the batch (it would never be taken).
 */
final class Receiver {

  private static final Logger LOG = Logger.getLogger(Receiver.class.getName());

  static final int BATCH = 100;

  private final ReceiverSettings settings;
  private final URI target;
  private final Function<List<Alert>, String> payload;
  private final HttpClient http;
  private final Executor executor;
  private final Clock clock;
  private final NotificationCounts counts;
  private final Backoff backoff;
  private final Deque<Alert> queue = new ArrayDeque<>();
  private final AtomicBoolean sending = new AtomicBoolean();

  Receiver(ReceiverSettings settings, Executor executor, Clock clock, NotificationCounts counts) {
    this.settings = settings;
    this.executor = executor;
    this.clock = clock;
    this.counts = counts;
    this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
    boolean alertmanager = ReceiverSettings.ALERTMANAGER.equals(settings.kind());
    this.target = alertmanager ? alertsEndpoint(settings.url()) : settings.url();
    this.payload =
        alertmanager
            ? AlertmanagerPayload::of
            : alerts -> WebhookPayload.of(settings.name(), alerts);
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  private static URI alertsEndpoint(URI base) {
    String text = base.toString();
    return URI.create((text.endsWith("/") ? text : text + "/") + "api/v2/alerts");
  }

  ReceiverSettings settings() {
    return settings;
  }

  /** Queues an alert (its state at this moment); the oldest goes when the queue is full. */
  void offer(Alert alert) {
    synchronized (queue) {
      if (queue.size() >= settings.queueMax()) {
        queue.removeFirst();
        counts.dropped(1);
      }
      queue.addLast(alert);
    }
    flush();
  }

  /** Starts sending what is queued, unless a send runs or a retry waits. */
  void flush() {
    if (queued() == 0 || backoff.waiting(clock.millis())) {
      return;
    }
    if (!sending.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::sendAll);
    } catch (RejectedExecutionException e) {
      sending.set(false); // the executor is busy or stopping; the next tick tries again
    }
  }

  int queued() {
    synchronized (queue) {
      return queue.size();
    }
  }

  private void sendAll() {
    try {
      List<Alert> batch;
      while (!(batch = peek()).isEmpty() && sendOne(batch)) {
        remove(batch.size());
      }
    } finally {
      sending.set(false);
    }
    if (queued() > 0 && !backoff.waiting(clock.millis())) {
      flush(); // offered while the last request was answered
    }
  }

  private List<Alert> peek() {
    synchronized (queue) {
      List<Alert> batch = new ArrayList<>(Math.min(BATCH, queue.size()));
      for (Alert a : queue) {
        if (batch.size() == BATCH) {
          break;
        }
        batch.add(a);
      }
      return batch;
    }
  }

  private void remove(int n) {
    synchronized (queue) {
      for (int i = 0; i < n && !queue.isEmpty(); i++) {
        queue.removeFirst();
      }
    }
  }

  /** Posts a batch; true when it is done with (sent or dropped), false to retry later. */
  private boolean sendOne(List<Alert> batch) {
    try {
      HttpRequest.Builder post =
          HttpRequest.newBuilder(target)
              .timeout(settings.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "nodelink-metrics-server")
              .POST(HttpRequest.BodyPublishers.ofString(payload.apply(batch)));
      if (!settings.authHeader().isEmpty()) {
        int colon = settings.authHeader().indexOf(':');
        post.header(
            settings.authHeader().substring(0, colon).strip(),
            settings.authHeader().substring(colon + 1).strip());
      }
      HttpResponse<InputStream> response = http.send(post.build(), BodyHandlers.ofInputStream());
      int status = response.statusCode();
      String body = drain(response);
      if (status / 100 == 2) {
        counts.sent(batch.size());
        recovered();
        return true;
      }
      counts.failed(batch.size());
      if (status == 429 || status / 100 == 5) {
        return retryLater("HTTP " + status + " " + body);
      }
      counts.dropped(batch.size());
      LOG.log(
          Level.WARNING,
          "Alert receiver {0}: dropped {1} alert(s), it answered HTTP {2}: {3}",
          new Object[] {settings.name(), batch.size(), status, body});
      return true;
    } catch (IOException e) {
      counts.failed(batch.size());
      return retryLater(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String drain(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      String text = new String(in.readNBytes(512), StandardCharsets.UTF_8).strip();
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return text;
    }
  }

  private boolean retryLater(String cause) {
    if (backoff.failed(clock.millis())) {
      LOG.log(
          Level.WARNING,
          "Alert receiver {0} failed, retrying with backoff up to {1} s: {2}",
          new Object[] {settings, settings.maxBackoff().toSeconds(), cause});
    }
    return false;
  }

  private void recovered() {
    int failures = backoff.succeeded();
    if (failures > 0) {
      LOG.log(
          Level.INFO,
          "Alert receiver {0} takes notifications again after {1} failed attempts",
          new Object[] {settings.name(), failures});
    }
  }
}
