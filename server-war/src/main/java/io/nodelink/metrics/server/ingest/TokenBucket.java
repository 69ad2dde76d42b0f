package io.nodelink.metrics.server.ingest;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; a take succeeds
 * only if enough tokens are there. Time is passed in (nanoseconds of a monotonic clock), so it is
 * pure. Not thread-safe: its owner synchronises.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long lastNanos;

  /** A full bucket at {@code nowNanos}. */
  TokenBucket(double perSecond, double burst, long nowNanos) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Whether {@code amount} tokens are there at {@code nowNanos}, without taking them. */
  boolean has(double amount, long nowNanos) {
    refill(nowNanos);
    return tokens >= amount;
  }

  /** Takes {@code amount} tokens; call after {@link #has} said they are there. */
  void take(double amount) {
    tokens -= amount;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed / NANOS_PER_SECOND * perSecond);
      lastNanos = nowNanos;
    }
  }
}
