package io.nodelink.metrics.server.grpc;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The executor gRPC runs calls on: it hands tasks to the managed executor, counts those in flight,
 * and once closed runs no more. Stopping the gRPC server cancels the open agent streams, but the
 * callbacks of those calls (and messages already read) can still be queued on the executor; run
 * after the application has stopped, they found its class loader closed (CWWKL0002E). Closed before
 * the server stops, it drops them; the stop then waits for the ones already running.
 */
final class CallExecutor implements Executor {

  private final Executor delegate;
  // Counted without a lock: every agent message passes here. The lock only serves the stop's wait.
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private volatile boolean closed;

  CallExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    if (closed) {
      return;
    }
    inFlight.incrementAndGet();
    try {
      delegate.execute(() -> runUnlessClosed(task));
    } catch (RejectedExecutionException e) {
      finished();
      throw e;
    }
  }

  /** Runs nothing handed over from now on, nor anything still queued. */
  void close() {
    closed = true;
  }

  /**
   * After {@link #close}, waits up to {@code max} for the tasks running now to finish.
   *
   * @return whether they all finished in time
   */
  boolean awaitIdle(Duration max) throws InterruptedException {
    long left = max.toNanos();
    lock.lock();
    try {
      while (inFlight.get() > 0) {
        if (left <= 0) {
          return false;
        }
        left = idle.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Tasks handed over and not finished yet. */
  int inFlight() {
    return inFlight.get();
  }

  private void runUnlessClosed(Runnable task) {
    try {
      if (!closed) {
        task.run();
      }
    } finally {
      finished();
    }
  }

  private void finished() {
    if (inFlight.decrementAndGet() == 0 && closed) {
      lock.lock();
      try {
        idle.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
