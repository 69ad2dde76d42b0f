package io.nodelink.metrics.history.durable;

import java.time.Duration;

/**
 * Tunables of {@link DurableHistoryStore}.
 *
 * @param flushInterval how often unflushed points and sealed chunks are written ({@code
 *     nodelink.store.flush-interval}); a {@code kill -9} loses at most this much
 * @param queueMaxBytes the most bytes waiting to be written while the database is slow or down
 *     ({@code nodelink.store.queue-max-bytes}); over it the oldest are dropped and counted
 * @param raw retention and size budget of raw points
 * @param minute retention and size budget of one-minute buckets
 * @param hour retention and size budget of one-hour buckets
 */
public record DurableSettings(
    Duration flushInterval,
    long queueMaxBytes,
    TierLimits raw,
    TierLimits minute,
    TierLimits hour) {

  /**
   * How long a tier keeps its chunks and how many bytes of them at most.
   *
   * @param retention chunks whose newest point is older are deleted
   * @param maxBytes over it the oldest chunks are deleted; 0 means no budget
   */
  public record TierLimits(Duration retention, long maxBytes) {
    public TierLimits {
      if (retention == null || retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive: " + retention);
      }
      if (maxBytes < 0) {
        throw new IllegalArgumentException("size budget must be >= 0: " + maxBytes);
      }
    }
  }

  public DurableSettings {
    if (flushInterval == null || flushInterval.toMillis() < 100) {
      throw new IllegalArgumentException(
          "flush interval must be at least 100 ms: " + flushInterval);
    }
    if (queueMaxBytes < 64 << 10) {
      throw new IllegalArgumentException("queue must hold at least 64 KiB: " + queueMaxBytes);
    }
  }

  /** Raw 14 days (50 GiB), minute buckets 90 days (10 GiB), hour buckets 2 years (5 GiB). */
  public static DurableSettings defaults() {
    return new DurableSettings(
        Duration.ofSeconds(5),
        64L << 20,
        new TierLimits(Duration.ofDays(14), 50L << 30),
        new TierLimits(Duration.ofDays(90), 10L << 30),
        new TierLimits(Duration.ofDays(730), 5L << 30));
  }

  /** A copy with another flush interval. */
  public DurableSettings withFlushInterval(Duration value) {
    return new DurableSettings(value, queueMaxBytes, raw, minute, hour);
  }

  /** A copy with another queue bound. */
  public DurableSettings withQueueMaxBytes(long value) {
    return new DurableSettings(flushInterval, value, raw, minute, hour);
  }

  /** A copy with other tier limits. */
  public DurableSettings withTiers(TierLimits raw, TierLimits minute, TierLimits hour) {
    return new DurableSettings(flushInterval, queueMaxBytes, raw, minute, hour);
  }
}
