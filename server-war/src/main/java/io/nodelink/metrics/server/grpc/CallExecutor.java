package io.nodelink.metrics.server.grpc;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 *
 * <p>The managed executor also refuses every task once the application is stopping, before the gRPC
 * server is stopped: the messages agents sent meanwhile would be lost (they count as sent). The
 * stop therefore runs the refused tasks itself and waits for the accepted ones ({@link #drain})
 * after the gRPC server stopped reading, and only then closes.
 */
final class CallExecutor implements Executor {

  /** How long a refused task waits before it is handed over again. */
  static final Duration RETRY_DELAY = Duration.ofMillis(100);

  private final Executor delegate;
  private final ScheduledExecutorService retries;
  private final CallRejections rejections;
  // Counted without a lock: every agent message passes here. The lock only serves the stop's wait.
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<Runnable> refused = new ConcurrentLinkedQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private volatile boolean closed;
  private volatile boolean stopping;

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
    refused.add(task);
    try {
      retries.schedule(this::retryOne, RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The event loops only stop after the server has; the stop runs what is left.
    }
  }

  private void retryOne() {
    Runnable task = refused.poll();
    if (task != null) {
      handOver(task);
    }
  }

  /**
   * For the application's stop, after the gRPC server stopped reading: runs the refused tasks on
   * the calling thread and waits for the accepted ones, until no task is left or {@code max}
   * passed, so what agents sent before the stop is stored.
   *
   * @return how many refused tasks ran here
   */
  int drain(Duration max) throws InterruptedException {
    stopping = true;
    long deadline = System.nanoTime() + max.toNanos();
    int ran = 0;
    while (true) {
      ran += runRefusedHere();
      long left = deadline - System.nanoTime();
      if (inFlight.get() == 0 || left <= 0) {
        return ran;
      }
      lock.lock();
      try {
        if (inFlight.get() > 0 && refused.isEmpty()) {
          idle.awaitNanos(Math.min(left, RETRY_DELAY.toNanos()));
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Runs the refused tasks on the calling thread until none is left (a task may hand over the next
   * one of its call, which the stopping executor refuses again).
   *
   * @return how many tasks ran
   */
  int runRefusedHere() {
    int ran = 0;
    Runnable task;
    while (!closed && (task = refused.poll()) != null) {
      try {
        task.run();
        ran++;
      } catch (RuntimeException e) {
        // One failing task must not keep the others from running.
      } finally {
        finished();
      }
    }
    return ran;
  }

  /** Runs nothing handed over from now on, nor anything still queued. */
  void close() {
    closed = true;
    Runnable task;
    while ((task = refused.poll()) != null) {
      finished();
    }
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
    if (inFlight.decrementAndGet() == 0 && (closed || stopping)) {
      lock.lock();
      try {
        idle.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
