package io.nodelink.metrics.history.compact;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes all agents' unflushed logs may hold together. A durable store drains the logs every
 * flush interval; a writer that falls behind (a starved CPU, a database that answers slowly) would
 * otherwise let them grow with every snapshot until the heap is gone. Over the bound a log lets go
 * of its oldest entries and remembers their seconds; its next drain reads those points back from
 * the agent's series, which hold them anyway. Nothing is lost: a {@code kill -9} loses what arrived
 * since the agent's last drain, shed or not. The count says the writer is behind.
 */
public final class UnflushedBudget {

  /** No bound (tests, and stores that drain on every append). */
  public static final UnflushedBudget UNBOUNDED = new UnflushedBudget(Long.MAX_VALUE);

  private final long maxBytes;
  private final AtomicLong usedBytes = new AtomicLong();
  private final AtomicLong shedValues = new AtomicLong();

  public UnflushedBudget(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("unflushed bound must be > 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** Takes {@code bytes}; true when the logs are over the bound with them. */
  boolean take(long bytes) {
    return usedBytes.addAndGet(bytes) > maxBytes;
  }

  void release(long bytes) {
    usedBytes.addAndGet(-bytes);
  }

  void shed(long values) {
    shedValues.addAndGet(values);
  }

  /** Bytes the logs hold now (an estimate: arrays and their headers). */
  public long usedBytes() {
    return usedBytes.get();
  }

  /** Values the logs let go of since start, to be read back from the series at their drain. */
  public long shedValues() {
    return shedValues.get();
  }

  public long maxBytes() {
    return maxBytes;
  }
}
