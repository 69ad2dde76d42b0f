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
 * @param writerId this server's name in a database that several servers share, stable across its
 *     restarts: its records of unflushed points are its own, replayed when a store with the same id
 *     starts again; {@value #DEFAULT_WRITER_ID} for a single server (the server does not set
 *     another yet)
 * @param writerTimeout how long a writer's row in the database may go without a refresh (by the
 *     database's clock) before another writer takes it for dead and adopts its records of unflushed
 *     points; far longer than the flush interval, since a live writer refreshes its row at least
 *     once per flush interval
 */
public record DurableSettings(
    Duration flushInterval,
    long queueMaxBytes,
    TierLimits raw,
    TierLimits minute,
    TierLimits hour,
    String writerId,
    Duration writerTimeout) {

  /** The writer id of a single server, and of the records written before writer ids existed. */
  public static final String DEFAULT_WRITER_ID = "default";

  /** Ten or so flush intervals of 5 s: a live server is never taken for dead by a slow flush. */
  static final Duration DEFAULT_WRITER_TIMEOUT = Duration.ofSeconds(30);

  /** The column that holds it is this wide. */
  static final int MAX_WRITER_ID_LENGTH = 64;

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
    if (writerId == null
        || writerId.isBlank()
        || writerId.length() > MAX_WRITER_ID_LENGTH
        || !writerId.equals(writerId.strip())) {
      throw new IllegalArgumentException(
          "writer id must be 1 to "
              + MAX_WRITER_ID_LENGTH
              + " characters without surrounding blanks: "
              + writerId);
    }
    if (writerTimeout == null || writerTimeout.isNegative() || writerTimeout.isZero()) {
      throw new IllegalArgumentException("writer timeout must be positive: " + writerTimeout);
    }
  }

  /** Settings of a single server (writer id {@value #DEFAULT_WRITER_ID}). */
  public DurableSettings(
      Duration flushInterval,
      long queueMaxBytes,
      TierLimits raw,
      TierLimits minute,
      TierLimits hour) {
    this(flushInterval, queueMaxBytes, raw, minute, hour, DEFAULT_WRITER_ID);
  }

  /** Settings with the default writer timeout. */
  public DurableSettings(
      Duration flushInterval,
      long queueMaxBytes,
      TierLimits raw,
      TierLimits minute,
      TierLimits hour,
      String writerId) {
    this(flushInterval, queueMaxBytes, raw, minute, hour, writerId, DEFAULT_WRITER_TIMEOUT);
  }

  /** True for a server that shares its database with others (its writer id is its own). */
  boolean shared() {
    return !DEFAULT_WRITER_ID.equals(writerId);
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
    return new DurableSettings(value, queueMaxBytes, raw, minute, hour, writerId, writerTimeout);
  }

  /** A copy with another queue bound. */
  public DurableSettings withQueueMaxBytes(long value) {
    return new DurableSettings(flushInterval, value, raw, minute, hour, writerId, writerTimeout);
  }

  /** A copy with other tier limits. */
  public DurableSettings withTiers(TierLimits raw, TierLimits minute, TierLimits hour) {
    return new DurableSettings(
        flushInterval, queueMaxBytes, raw, minute, hour, writerId, writerTimeout);
  }

  /** A copy with another writer id (each server sharing a database needs its own). */
  public DurableSettings withWriterId(String value) {
    return new DurableSettings(
        flushInterval, queueMaxBytes, raw, minute, hour, value, writerTimeout);
  }

  /**
   * A copy with another writer timeout: how long a writer may go silent before another adopts its
   * records of unflushed points.
   */
  public DurableSettings withWriterTimeout(Duration value) {
    return new DurableSettings(flushInterval, queueMaxBytes, raw, minute, hour, writerId, value);
  }
}
