package io.nodelink.metrics.agent.collect;

/** Arithmetic on cumulative counters sampled over a monotonic clock. */
public final class Rates {
  private Rates() {}

  /**
   * Per-second rate of a counter that went from {@code previous} to {@code current} in {@code
   * elapsedNanos}. A counter that went backwards (reset, wrap, device replaced) or a non-positive
   * interval gives 0 rather than a negative or absurd rate.
   */
  public static long perSecond(long previous, long current, long elapsedNanos) {
    if (elapsedNanos <= 0 || current < previous) {
      return 0;
    }
    return Math.round((current - previous) * 1e9 / elapsedNanos);
  }

  /** The increase of a counter, or 0 when it went backwards. */
  public static long delta(long previous, long current) {
    return current >= previous ? current - previous : 0;
  }

  /** {@code part / whole} in percent, 0 when {@code whole} is not positive; clamped to 0..100. */
  public static double percent(double part, double whole) {
    if (whole <= 0 || Double.isNaN(part)) {
      return 0;
    }
    return Math.max(0, Math.min(100, part * 100.0 / whole));
  }
}
