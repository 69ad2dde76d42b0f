package io.nodelink.metrics.server.grpc;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The executor gRPC runs calls on: it hands tasks to the managed executor, counts those in flight,
 * and once closed runs no more. Stopping the gRPC server cancels the open agent streams, but the
 * callbacks of those calls (and messages already read) can still be queued on the executor; run
 * after the application has stopped, they found its class loader closed (CWWKL0002E). Closed before
 * the server stops, it drops them; the stop then waits for the ones already running.
 *
 * <p>When the managed executor refuses a task (its queue is full), the task is handed over again a
 * moment later instead of failing: gRPC gives each call one serializing task that drains that
 * call's queue in order, so refusing it would lose an agent's message, or the end of its call
 * (leaving the agent listed as connected), while deferring it loses nothing and keeps the order.
 * Meanwhile the call reads no more messages, so HTTP/2 flow control slows the agent down: that is
 * the back-pressure a saturated server needs, where ending streams would only add reconnects.
 */
final class CallExecutor implements Executor {

  /** How long a refused task waits before it is handed over again. */
  static final Duration RETRY_DELAY = Duration.ofMillis(100);

  private final Executor delegate;
  private final ScheduledExecutorService retries;
  private final CallRejections rejections;
  // Counted without a lock: every agent message passes here. The lock only serves the stop's wait.
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private volatile boolean closed;

  /**
   * @param delegate the managed executor
   * @param retries schedules the retry of a refused task (the server's event loops)
   * @param rejections told of every refusal
   */
  CallExecutor(Executor delegate, ScheduledExecutorService retries, CallRejections rejections) {
    this.delegate = delegate;
    this.retries = retries;
    this.rejections = rejections;
  }

  @Override
  public void execute(Runnable task) {
    if (closed) {
      return;
    }
    inFlight.incrementAndGet();
    handOver(task);
  }

  private void handOver(Runnable task) {
    if (closed) {
      finished();
      return;
    }
    try {
      delegate.execute(() -> runUnlessClosed(task));
    } catch (RejectedExecutionException e) {
      rejections.rejected();
      retryLater(task);
    }
  }

  private void retryLater(Runnable task) {
    try {
      retries.schedule(() -> handOver(task), RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The event loops only stop after the server has: nothing of this call would run anyway.
      finished();
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
