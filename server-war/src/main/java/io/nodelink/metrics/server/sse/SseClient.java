package io.nodelink.metrics.server.sse;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SSE connection. Events are queued without blocking ({@link #offer}) and written by one drain
 * task at a time on the executor, in order. A client whose queue is full has fallen too far behind
 * (or is stuck in a write) and is closed: it never holds up ingestion or other clients. Closing is
 * idempotent — SSE errors surface on the next write and may be reported twice.
 */
public final class SseClient {

  private static final Logger LOG = Logger.getLogger(SseClient.class.getName());

  /** An event to write and, for metrics, when its snapshot arrived (0 otherwise). */
  record Outgoing(OutboundSseEvent event, long receivedNanos) {}

  private final String id;
  private final String agentId;
  private final SseEventSink sink;
  private final BlockingQueue<Outgoing> queue;
  private final Executor executor;
  private final LongConsumer latencyNanos;
  private final Consumer<SseClient> onClosed;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  SseClient(
      String id,
      String agentId,
      SseEventSink sink,
      int queueSize,
      Executor executor,
      LongConsumer latencyNanos,
      Consumer<SseClient> onClosed) {
    this.id = id;
    this.agentId = agentId;
    this.sink = sink;
    this.queue = new ArrayBlockingQueue<>(queueSize);
    // A refused task must not leave the client "draining" forever: close it instead.
    this.executor =
        task -> {
          try {
            executor.execute(task);
          } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Executor refused the SSE write of client {0}; closing it", id);
            close();
          }
        };
    this.latencyNanos = latencyNanos;
    this.onClosed = onClosed;
  }

  public String id() {
    return id;
  }

  public String agentId() {
    return agentId;
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Queues an event; never blocks. A full queue closes the client. */
  void offer(OutboundSseEvent event, long receivedNanos) {
    if (closed.get()) {
      return;
    }
    if (!queue.offer(new Outgoing(event, receivedNanos))) {
      LOG.log(
          Level.WARNING,
          "SSE client {0} of agent {1} fell {2} events behind; closing it",
          new Object[] {id, agentId, queue.size()});
      close();
      return;
    }
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  /**
   * Writes the next queued event, and continues on the executor when the write completes. No thread
   * ever waits for a write: blocking pool threads on writes that the container completes on the
   * same pool starved it under load.
   */
  private void drain() {
    Outgoing next = closed.get() ? null : queue.poll();
    if (next == null) {
      draining.set(false);
      // An event offered after the poll but before draining was cleared.
      if (!closed.get() && !queue.isEmpty()) {
        scheduleDrain();
      }
      return;
    }
    if (sink.isClosed()) {
      draining.set(false);
      close();
      return;
    }
    CompletionStage<?> written;
    try {
      written = sink.send(next.event());
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    written.whenCompleteAsync((ignored, error) -> afterWrite(next, error), executor);
  }

  private void afterWrite(Outgoing written, Throwable error) {
    if (error != null) {
      failed(error);
      return;
    }
    if (written.receivedNanos() != 0) {
      latencyNanos.accept(System.nanoTime() - written.receivedNanos());
    }
    drain();
  }

  private void failed(Throwable error) {
    LOG.log(
        Level.FINE, "SSE client {0} of agent {1} is gone: {2}", new Object[] {id, agentId, error});
    draining.set(false);
    close();
  }

  /** Closes the connection and tells the hub; only the first call does anything. */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    queue.clear();
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Closing SSE client " + id + " failed", e);
    }
    LOG.log(Level.FINE, "SSE client {0} of agent {1} closed", new Object[] {id, agentId});
    onClosed.accept(this);
  }
}
