package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.server.delivery.Backoff;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One lane of a destination: its part of the queue and at most one request in flight. {@link
 * #flush} starts a send task unless one runs or the destination's backoff is pending; the task
 * sends batches until the queue is empty or a request fails. One request at a time per lane keeps
 * the series routed through it in time order at the receiver.
 */
final class RemoteWriteShard {

  private static final Logger LOG = Logger.getLogger(RemoteWriteShard.class.getName());

  private final RemoteWriteSettings settings;
  private final RemoteWriteClient client;
  private final Executor executor;
  private final Clock clock;
  private final SampleQueue queue;
  private final AtomicBoolean sending = new AtomicBoolean();
  private final DeliveryCounts counts;
  private final Backoff backoff;

  RemoteWriteShard(
      RemoteWriteSettings settings,
      RemoteWriteClient client,
      int queueMaxSamples,
      Executor executor,
      Clock clock,
      DeliveryCounts counts,
      Backoff backoff) {
    this.settings = settings;
    this.client = client;
    this.executor = executor;
    this.clock = clock;
    this.queue = new SampleQueue(queueMaxSamples);
    this.counts = counts;
    this.backoff = backoff;
  }

  void offer(AgentSamples samples) {
    int dropped = queue.offer(samples);
    if (dropped > 0) {
      counts.dropped(dropped);
    }
  }

  /** Starts sending what is queued, unless a send runs or a retry waits. */
  void flush() {
    if (queue.samples() == 0 || backoff.waiting(clock.millis())) {
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

  private void sendAll() {
    try {
      while (queue.samples() > 0 && !backoff.waiting(clock.millis()) && sendOne()) {
        // next batch
      }
    } finally {
      sending.set(false);
    }
  }

  /** Sends the head batch; false when it must be retried later. */
  private boolean sendOne() {
    List<AgentSamples> batch = queue.peek(settings.batchMaxSamples());
    int count = batch.stream().mapToInt(s -> s.samples().size()).sum();
    try {
      RemoteWriteClient.Answer answer =
          client.send(WriteRequestEncoder.encode(batch, settings.job()));
      int status = answer.status();
      if (status / 100 == 2) {
        queue.remove(batch);
        counts.sent(count);
        recovered();
        return true;
      }
      counts.failed(count);
      if (status == 429 || status / 100 == 5) {
        return retryLater("HTTP " + status + " " + answer.body());
      }
      queue.remove(batch);
      counts.dropped(count);
      LOG.log(
          Level.WARNING,
          "Remote-write {0}: dropped {1} samples, the receiver answered HTTP {2}: {3}",
          new Object[] {settings.name(), count, status, answer.body()});
      return true;
    } catch (IOException e) {
      counts.failed(count);
      return retryLater(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      // Cannot be encoded or sent at all: retrying would block the queue forever.
      queue.remove(batch);
      counts.dropped(count);
      LOG.log(Level.WARNING, "Remote-write " + settings.name() + ": dropped a batch", e);
      return true;
    }
  }

  private boolean retryLater(String cause) {
    if (backoff.failed(clock.millis())) {
      LOG.log(
          Level.WARNING,
          "Remote-write {0} ({1}) failed, retrying with backoff up to {2} s: {3}",
          new Object[] {
            settings.name(), settings.safeUrl(), settings.maxBackoff().toSeconds(), cause
          });
    }
    return false;
  }

  private void recovered() {
    int failures = backoff.succeeded();
    if (failures > 0) {
      LOG.log(
          Level.INFO,
          "Remote-write {0} delivers again after {1} failed attempts",
          new Object[] {settings.name(), failures});
    }
  }

  long queuedSamples() {
    return queue.samples();
  }

  /** When the oldest waiting snapshot was taken, in ms; 0 when empty. */
  long oldestMillis() {
    return queue.oldestMillis();
  }
}
