package io.nodelink.metrics.history.compact;

import java.time.Duration;

/**
 * Tunables of {@link CompactHistoryStore}.
 *
 * @param rawRetention how long raw points stay raw before {@link CompactHistoryStore#maintain}
 *     rolls them into the coarse tier (server key {@code nodelink.history.retention})
 * @param coarseInterval width of a coarse bucket, whole seconds ({@code
 *     nodelink.history.coarse.interval})
 * @param coarseRetention how long coarse buckets are kept ({@code
 *     nodelink.history.coarse.retention})
 * @param chunkSize raw points per compressed chunk ({@code nodelink.history.chunk-size})
 * @param memoryBudgetBytes the most bytes the store may hold; over it the oldest raw chunks are
 *     rolled up, then the oldest coarse chunks dropped; 0 means no budget ({@code
 *     nodelink.history.memory-budget})
 * @param chunkWindow raw chunks never cross a multiple of it, whole seconds: the chunks of all
 *     series of an agent seal together, one per window at most ({@code
 *     nodelink.history.chunk-window})
 */
public record HistorySettings(
    Duration rawRetention,
    Duration coarseInterval,
    Duration coarseRetention,
    int chunkSize,
    long memoryBudgetBytes,
    Duration chunkWindow) {

  /** Default raw retention: 30 minutes. */
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofMinutes(30);

  /** Default coarse bucket: 1 minute. */
  public static final Duration DEFAULT_COARSE_INTERVAL = Duration.ofMinutes(1);

  /** Default coarse retention: 24 hours. */
  public static final Duration DEFAULT_COARSE_RETENTION = Duration.ofHours(24);

  /** Default points per raw chunk: a whole window of 1 s data. */
  public static final int DEFAULT_CHUNK_SIZE = 600;

  /** Default chunk window: 10 minutes. */
  public static final Duration DEFAULT_CHUNK_WINDOW = Duration.ofMinutes(10);

  /** Default memory budget: 512 MiB. */
  public static final long DEFAULT_MEMORY_BUDGET_BYTES = 512L << 20;

  /** Settings with the default chunk window. */
  public HistorySettings(
      Duration rawRetention,
      Duration coarseInterval,
      Duration coarseRetention,
      int chunkSize,
      long memoryBudgetBytes) {
    this(
        rawRetention,
        coarseInterval,
        coarseRetention,
        chunkSize,
        memoryBudgetBytes,
        DEFAULT_CHUNK_WINDOW);
  }

  public HistorySettings {
    requirePositive(chunkWindow, "chunk window");
    if (chunkWindow.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("chunk window must be whole seconds: " + chunkWindow);
    }
    requirePositive(rawRetention, "raw retention");
    requirePositive(coarseInterval, "coarse interval");
    requirePositive(coarseRetention, "coarse retention");
    if (coarseInterval.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException(
          "coarse interval must be whole seconds: " + coarseInterval);
    }
    if (chunkSize < 8 || chunkSize > 65_536) {
      throw new IllegalArgumentException("chunk size must be 8..65536: " + chunkSize);
    }
    if (memoryBudgetBytes < 0) {
      throw new IllegalArgumentException("memory budget must be >= 0: " + memoryBudgetBytes);
    }
  }

  /** The defaults: 30 min raw, 1 min buckets kept 24 h, 600-point 10-minute chunks, 512 MiB. */
  public static HistorySettings defaults() {
    return new HistorySettings(
        DEFAULT_RAW_RETENTION,
        DEFAULT_COARSE_INTERVAL,
        DEFAULT_COARSE_RETENTION,
        DEFAULT_CHUNK_SIZE,
        DEFAULT_MEMORY_BUDGET_BYTES);
  }

  /** A copy with another raw retention. */
  public HistorySettings withRawRetention(Duration value) {
    return new HistorySettings(
        value, coarseInterval, coarseRetention, chunkSize, memoryBudgetBytes, chunkWindow);
  }

  /** A copy with another coarse bucket width and retention. */
  public HistorySettings withCoarse(Duration interval, Duration retention) {
    return new HistorySettings(
        rawRetention, interval, retention, chunkSize, memoryBudgetBytes, chunkWindow);
  }

  /** A copy with another chunk size. */
  public HistorySettings withChunkSize(int value) {
    return new HistorySettings(
        rawRetention, coarseInterval, coarseRetention, value, memoryBudgetBytes, chunkWindow);
  }

  /** A copy with another memory budget (0 = none). */
  public HistorySettings withMemoryBudgetBytes(long value) {
    return new HistorySettings(
        rawRetention, coarseInterval, coarseRetention, chunkSize, value, chunkWindow);
  }

  /** A copy with another chunk window. */
  public HistorySettings withChunkWindow(Duration value) {
    return new HistorySettings(
        rawRetention, coarseInterval, coarseRetention, chunkSize, memoryBudgetBytes, value);
  }

  long coarseSeconds() {
    return coarseInterval.toSeconds();
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }
}
