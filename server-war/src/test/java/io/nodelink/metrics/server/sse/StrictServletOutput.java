package io.nodelink.metrics.server.sse;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A servlet output that enforces Liberty's non-blocking rules instead of tolerating mistakes: once
 * a write listener is set, a write or flush needs {@code isReady()} true on the same thread since
 * the last write (Liberty throws otherwise), a flush while not ready silently does nothing, and
 * {@code onWritePossible} comes (on the container's thread) only after {@code isReady()} returned
 * false. Breaches are recorded in {@link #violations}.
 */
final class StrictServletOutput extends ServletOutputStream {

  final List<String> violations = new CopyOnWriteArrayList<>();

  /** Every array handed to {@code write}, to check that clients share the encoded frames. */
  final List<byte[]> writtenArrays = new CopyOnWriteArrayList<>();

  private final Executor container;
  private final ThreadLocal<Boolean> readyOnThisThread = ThreadLocal.withInitial(() -> false);
  private final AtomicInteger writers = new AtomicInteger();
  private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();
  private final ByteArrayOutputStream flushed = new ByteArrayOutputStream();
  private volatile WriteListener listener;
  private volatile boolean writable = true;
  private volatile int stallEvery;
  private int writes;
  private volatile boolean callbackArmed;
  private volatile IOException failure;

  StrictServletOutput(Executor container) {
    this.container = container;
  }

  /** From now on, each write fills the socket until {@link #drainSocket()}. */
  void stallAfterEachWrite() {
    stallAfterWrites(1);
  }

  /** From now on, every {@code n}th write fills the socket until {@link #drainSocket()}. */
  void stallAfterWrites(int n) {
    stallEvery = n;
  }

  /** The socket took what was pending: the container calls back if the writer was told to wait. */
  void drainSocket() {
    writable = true;
    if (callbackArmed) {
      callbackArmed = false;
      callBack(listener);
    }
  }

  /** Every later write or flush fails, as when the client has gone. */
  void failWith(IOException error) {
    failure = error;
  }

  WriteListener listener() {
    return listener;
  }

  synchronized String flushedText() {
    return flushed.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public boolean isReady() {
    boolean ready = writable;
    readyOnThisThread.set(ready);
    if (!ready) {
      callbackArmed = true;
    }
    return ready;
  }

  @Override
  public void setWriteListener(WriteListener writeListener) {
    if (listener != null) {
      violations.add("a second write listener");
    }
    listener = writeListener;
    callBack(writeListener);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    writtenArrays.add(bytes);
    write(bytes, 0, bytes.length);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    enter("write");
    try {
      failIfGone();
      synchronized (this) {
        buffered.write(bytes, offset, length);
      }
      if (listener != null) {
        readyOnThisThread.set(false);
        if (stallEvery > 0 && ++writes % stallEvery == 0) {
          writable = false;
        }
      }
    } finally {
      writers.decrementAndGet();
    }
  }

  @Override
  public void flush() throws IOException {
    if (listener != null && !writable) {
      return; // Liberty: "cannot flush, not write ready"
    }
    enter("flush");
    try {
      failIfGone();
      synchronized (this) {
        buffered.writeTo(flushed);
        buffered.reset();
      }
    } finally {
      writers.decrementAndGet();
    }
  }

  /** On the container's thread, as Liberty does; a failing callback is reported to it. */
  private void callBack(WriteListener writeListener) {
    container.execute(
        () -> {
          try {
            writeListener.onWritePossible();
          } catch (IOException e) {
            writeListener.onError(e);
          }
        });
  }

  private void enter(String operation) {
    if (writers.incrementAndGet() != 1) {
      violations.add(operation + " from two threads at once");
    }
    if (listener != null && !readyOnThisThread.get() && operation.equals("write")) {
      writers.decrementAndGet();
      violations.add(operation + " without isReady() true on " + Thread.currentThread().getName());
      throw new IllegalStateException("BlockingWriteNotAllowedException");
    }
  }

  private void failIfGone() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }
}
