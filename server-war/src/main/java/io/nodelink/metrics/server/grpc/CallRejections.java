package io.nodelink.metrics.server.grpc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports the managed executor refusing gRPC call work: each refusal is counted at once (the {@code
 * nodelink.grpc.rejected} metric) and logged at most once per period with how many there were, so a
 * saturated server tells its operator without flooding the log.
 */
final class CallRejections {

  private static final Logger LOG = Logger.getLogger(CallRejections.class.getName());

  private final Runnable counter;
  private final LongSupplier nanoTime;
  private final long periodNanos;
  private final AtomicLong unlogged = new AtomicLong();
  private final AtomicLong nextLogNanos;

  /**
   * @param counter counts one refusal (the metric)
   * @param nanoTime a monotonic clock, {@link System#nanoTime} outside tests
   * @param period the shortest time between two log records
   */
  CallRejections(Runnable counter, LongSupplier nanoTime, Duration period) {
    this.counter = counter;
    this.nanoTime = nanoTime;
    this.periodNanos = period.toNanos();
    this.nextLogNanos = new AtomicLong(nanoTime.getAsLong());
  }

  /** One piece of call work was refused and will be retried. */
  void rejected() {
    counter.run();
    unlogged.incrementAndGet();
    long now = nanoTime.getAsLong();
    long due = nextLogNanos.get();
    // Only the thread that moves the deadline logs, so concurrent refusals log once.
    if (now - due >= 0 && nextLogNanos.compareAndSet(due, now + periodNanos)) {
      LOG.log(
          Level.WARNING,
          "The gRPC call executor (concurrent/nodelinkExecutor) is saturated: {0} agent call"
              + " task(s) refused since the last report, delivered later; agents are slowed by"
              + " flow control meanwhile",
          unlogged.getAndSet(0));
    }
  }
}
