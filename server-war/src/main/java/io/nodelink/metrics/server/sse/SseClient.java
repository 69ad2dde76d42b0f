package io.nodelink.metrics.server.sse;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SSE connection. Events are queued without blocking ({@link #offer}) and written by one drain
 * at a time on the executor, in order, with at most one write in flight. A drain never waits for a
 * write: Liberty completes SSE writes on its Default Executor, the same pool that runs the drains,
 * so drains blocked on their writes would hold every thread the writes need (a deadlock seen with
 * 100 clients). When a write does not complete at once, the drain ends and the write's completion
 * schedules the next one. A client whose queue is full has fallen too far behind (or its write is
 * stuck) and is closed: it never holds up ingestion or other clients. Closing is idempotent — SSE
 * errors surface on the next write and may be reported twice.
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
    this.executor = executor;
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
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining.set(false);
        LOG.log(Level.WARNING, "Executor refused the SSE write of client {0}; closing it", id);
        close();
      }
    }
  }

  /**
   * Writes queued events until the queue is empty or a write is still in flight; in the latter case
   * {@code draining} stays set and the write's completion continues the drain.
   */
  private void drain() {
    Outgoing next;
    while (!closed.get() && (next = queue.poll()) != null) {
      CompletableFuture<?> written = write(next);
      if (written == null) {
        break; // closed
      }
      if (!written.isDone()) {
        Outgoing inFlight = next;
        written.whenComplete((ignored, error) -> continueAfter(inFlight, error));
        return;
      }
      if (!written(next, written.isCompletedExceptionally() ? failure(written) : null)) {
        break;
      }
    }
    draining.set(false);
    // An event offered after the loop's last poll but before draining was cleared.
    if (!closed.get() && !queue.isEmpty()) {
      scheduleDrain();
    }
  }

  /** The write of {@code out} completed later: account for it and drain on, on the executor. */
  private void continueAfter(Outgoing out, Throwable error) {
    if (!written(out, error)) {
      draining.set(false);
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      draining.set(false);
      LOG.log(Level.WARNING, "Executor refused the SSE write of client {0}; closing it", id);
      close();
    }
  }

  /** Starts writing {@code out}; null if the connection is already closed. */
  private CompletableFuture<?> write(Outgoing out) {
    if (sink.isClosed()) {
      close();
      return null;
    }
    try {
      return sink.send(out.event()).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Records a finished write; a failed one closes the client. Returns whether to go on. */
  private boolean written(Outgoing out, Throwable error) {
    if (error != null) {
      LOG.log(
          Level.FINE,
          "SSE client {0} of agent {1} is gone: {2}",
          new Object[] {id, agentId, error});
      close();
      return false;
    }
    if (out.receivedNanos() != 0) {
      latencyNanos.accept(System.nanoTime() - out.receivedNanos());
    }
    return true;
  }

  private static Throwable failure(CompletableFuture<?> done) {
    try {
      done.join();
      return null;
    } catch (CompletionException | CancellationException e) {
      return e.getCause() == null ? e : e.getCause();
    }
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
