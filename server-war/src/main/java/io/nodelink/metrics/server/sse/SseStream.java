package io.nodelink.metrics.server.sse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One SSE connection, written through the servlet's non-blocking output. Frames are queued without
 * blocking ({@link #offer}) and written by one drainer at a time, in order: whoever claims the
 * drain from {@link #offer}, or the container when the socket can take more ({@link
 * #onWritePossible}). A write never blocks a thread: when the socket is full the drain stops and
 * the container calls back. A client whose queue is full has fallen too far behind and is closed,
 * so it never holds up ingestion or other clients. Closing is idempotent: the container may report
 * a failure twice.
 */
public final class SseStream implements WriteListener, AsyncListener {

  private static final Logger LOG = Logger.getLogger(SseStream.class.getName());

  /** A frame to write and, for the latency metric, when its snapshot arrived (0 otherwise). */
  private record Outgoing(SseFrame frame, long receivedNanos) {}

  private final String id;
  private final String agentId;
  private final AsyncContext async;
  private final BlockingQueue<Outgoing> queue;
  private final LongConsumer latencyNanos;
  private final Consumer<SseStream> onClosed;

  /** Written when the stream starts; null for a relay, whose source sends its own. */
  private final SseFrame opening;

  private final AtomicInteger drainRequests = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Run once when the stream closes, after the hub was told. */
  private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();

  /** Keeps {@link #close} from completing the response while {@link #start} is writing to it. */
  private final Object lifecycle = new Object();

  /** Written since the last flush; touched only by the one drainer. */
  private final List<Outgoing> unflushed = new ArrayList<>();

  private volatile ServletOutputStream out;

  SseStream(
      String id,
      String agentId,
      AsyncContext async,
      int queueSize,
      LongConsumer latencyNanos,
      Consumer<SseStream> onClosed) {
    this(id, agentId, async, queueSize, latencyNanos, onClosed, SseFrame.OPENING);
  }

  private SseStream(
      String id,
      String agentId,
      AsyncContext async,
      int queueSize,
      LongConsumer latencyNanos,
      Consumer<SseStream> onClosed,
      SseFrame opening) {
    this.opening = opening;
    this.id = id;
    this.agentId = agentId;
    this.async = async;
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.latencyNanos = latencyNanos;
    this.onClosed = onClosed;
  }

  /**
   * A stream that passes on another server's answer byte for byte ({@link #pass}), written like
   * every other client: without blocking a thread, and closed when it falls {@code queueSize}
   * chunks behind.
   */
  public static SseStream relay(
      String id, String agentId, AsyncContext async, int queueSize, Consumer<SseStream> onClosed) {
    return new SseStream(id, agentId, async, queueSize, nanos -> {}, onClosed, null);
  }

  /**
   * Queues bytes of a relayed answer and writes what the socket takes now; never blocks.
   *
   * @return false once the stream is closed
   */
  public boolean pass(byte[] bytes) {
    if (offer(SseFrame.raw(bytes), 0)) {
      drain();
    }
    return !isClosed();
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

  /** Runs {@code action} when the stream closes (at once if it is closed already). */
  public void whenClosed(Runnable action) {
    closeActions.add(action);
    if (closed.get() && closeActions.remove(action)) {
      action.run();
    }
  }

  /**
   * Starts writing, on the request thread: {@code acceptHeaders} sets the status and headers, the
   * opening bytes are written and flushed in blocking mode, which commits the response as RESTEasy
   * did, then the output turns non-blocking and the queued frames follow. Does nothing if the
   * stream was closed meanwhile (its response is complete and must not be touched).
   */
  public void start(Consumer<HttpServletResponse> acceptHeaders) {
    try {
      synchronized (lifecycle) {
        if (closed.get()) {
          return;
        }
        out = open(acceptHeaders);
      }
    } catch (IOException | RuntimeException e) {
      failed(e);
      return;
    }
    requestDrain();
  }

  private ServletOutputStream open(Consumer<HttpServletResponse> acceptHeaders) throws IOException {
    async.addListener(this);
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    acceptHeaders.accept(response);
    ServletOutputStream output = response.getOutputStream();
    if (opening != null) {
      output.write(opening.bytes());
    }
    output.flush();
    output.setWriteListener(this);
    return output;
  }

  /**
   * Queues a frame; never blocks. A full queue closes the client.
   *
   * @return true if the caller now owns the drain and must call {@link #drain()}
   */
  boolean offer(SseFrame frame, long receivedNanos) {
    if (closed.get()) {
      return false;
    }
    if (!queue.offer(new Outgoing(frame, receivedNanos))) {
      LOG.log(
          Level.WARNING,
          "SSE client {0} of agent {1} fell {2} events behind; closing it",
          new Object[] {id, agentId, queue.size()});
      close();
      return false;
    }
    return drainRequests.getAndIncrement() == 0;
  }

  @Override
  public void onWritePossible() {
    requestDrain();
  }

  private void requestDrain() {
    if (drainRequests.getAndIncrement() == 0) {
      drain();
    }
  }

  /**
   * Writes queued frames while the output is ready. Only the owner of the drain calls it; requests
   * that arrive meanwhile make it go round again, so none is lost and no two threads ever write.
   * Liberty allows a write only after {@code isReady()} returned true on the same thread, and calls
   * {@link #onWritePossible} only after it returned false: hence the check before every write.
   */
  void drain() {
    int requests = drainRequests.get();
    do {
      writeWhileReady();
      requests = drainRequests.addAndGet(-requests);
    } while (requests != 0);
  }

  private void writeWhileReady() {
    ServletOutputStream output = out;
    try {
      while (output != null && !closed.get() && output.isReady()) {
        Outgoing next = queue.poll();
        if (next != null) {
          output.write(next.frame().bytes());
          unflushed.add(next);
        } else if (!unflushed.isEmpty()) {
          output.flush();
          recordLatency();
        } else {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
  }

  private void recordLatency() {
    long now = System.nanoTime();
    for (Outgoing written : unflushed) {
      if (written.receivedNanos() != 0) {
        latencyNanos.accept(now - written.receivedNanos());
      }
    }
    unflushed.clear();
  }

  @Override
  public void onError(Throwable error) {
    failed(error);
  }

  @Override
  public void onError(AsyncEvent event) {
    failed(event.getThrowable());
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    close();
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end(false);
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // Not re-dispatched: nothing to do.
  }

  private void failed(Throwable error) {
    LOG.log(
        Level.FINE, "SSE client {0} of agent {1} is gone: {2}", new Object[] {id, agentId, error});
    close();
  }

  /** Ends the response and tells the hub; only the first call does anything. */
  public void close() {
    end(true);
  }

  private void complete() {
    try {
      async.complete();
    } catch (RuntimeException e) {
      // Already completed by the container (the client went away).
      LOG.log(Level.FINEST, "Completing SSE client " + id + " failed", e);
    }
  }

  private void end(boolean completeResponse) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    queue.clear();
    if (completeResponse) {
      synchronized (lifecycle) {
        complete();
      }
    }
    LOG.log(Level.FINE, "SSE client {0} of agent {1} closed", new Object[] {id, agentId});
    onClosed.accept(this);
    for (Runnable action : closeActions) {
      if (closeActions.remove(action)) {
        action.run();
      }
    }
  }
}
