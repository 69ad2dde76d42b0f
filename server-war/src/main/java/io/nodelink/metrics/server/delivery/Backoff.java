package io.nodelink.metrics.server.delivery;

import java.time.Duration;

/**
 * When a sender may try again after failures: the first retry after {@code min}, each further one
 * after twice the previous wait, at most {@code max}; a success starts over. Thread-safe: the
 * parallel lanes of one destination share it.
 */
public final class Backoff {

  private final long minMillis;
  private final long maxMillis;
  private long nextMillis;
  private int failures;
  private volatile long retryAtMillis;

  public Backoff(Duration min, Duration max) {
    this.minMillis = min.toMillis();
    this.maxMillis = max.toMillis();
    this.nextMillis = minMillis;
  }

  /** True while a retry must still wait. */
  public boolean waiting(long nowMillis) {
    return nowMillis < retryAtMillis;
  }

  /**
   * A request failed: the next waits.
   *
   * @return true for the first failure in a row (the one worth logging)
   */
  public synchronized boolean failed(long nowMillis) {
    retryAtMillis = nowMillis + nextMillis;
    nextMillis = Math.min(nextMillis * 2, maxMillis);
    return failures++ == 0;
  }

  /**
   * A request succeeded: no wait any more.
   *
   * @return how many failed in a row before it (0: none, nothing to log)
   */
  public synchronized int succeeded() {
    int before = failures;
    failures = 0;
    nextMillis = minMillis;
    retryAtMillis = 0;
    return before;
  }
}
