package io.nodelink.metrics.history;

/**
 * Chooses the bucket width of a query: the requested interval, widened until the aligned buckets
 * between the first and last data point in range fit {@code maxPoints}. Widening never drops the
 * newest data; it only merges more raw points into each bucket.
 */
public final class BucketPlan {

  private BucketPlan() {}

  /** The number of aligned buckets of width {@code interval} touched by {@code [first, last]}. */
  public static long bucketCount(long first, long last, long interval) {
    return Math.floorDiv(last, interval) - Math.floorDiv(first, interval) + 1;
  }

  /**
   * The smallest interval, at least {@code requested} (and at least 1), whose aligned buckets over
   * {@code [first, last]} number at most {@code maxPoints}.
   */
  public static long widen(long first, long last, long requested, int maxPoints) {
    long interval = Math.max(1, requested);
    if (bucketCount(first, last, interval) <= maxPoints) {
      return interval;
    }
    // Buckets of width i cover at least span+1 seconds, so no i below this bound can fit;
    // the exact smallest fit is a few steps above it.
    interval = Math.max(interval, ceilDiv(last - first + 1, maxPoints));
    while (bucketCount(first, last, interval) > maxPoints) {
      interval++;
    }
    return interval;
  }

  /** The start of the aligned bucket that holds {@code timestamp}. */
  public static long bucketStart(long timestamp, long interval) {
    return Math.floorDiv(timestamp, interval) * interval;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
