package io.nodelink.metrics.agent.stream;

import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect backoff with jitter: the n-th consecutive failure waits initial × 2^n,
 * capped, then shortened by up to 20 % at random so that agents cut off together do not all
 * reconnect in the same instant. Never longer than the cap.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final DoubleSupplier random;
  private int attempt;

  public Backoff(long initialMillis, long maxMillis, DoubleSupplier random) {
    this.initialMillis = initialMillis;
    this.maxMillis = Math.max(initialMillis, maxMillis);
    this.random = random;
  }

  /** The delay before the next attempt; each call doubles the following one up to the cap. */
  public synchronized long nextDelayMillis() {
    double base = Math.min((double) maxMillis, initialMillis * Math.pow(2, Math.min(attempt, 30)));
    attempt++;
    return Math.max(1, Math.round(base * (1 - 0.2 * random.getAsDouble())));
  }

  /**
   * The delay after a refusal that retrying soon cannot fix: the cap (jittered); the delays after
   * it stay at the cap until {@link #reset()}.
   */
  public synchronized long atCapMillis() {
    attempt = 30;
    return nextDelayMillis();
  }

  /** A connection worked: start again from the initial delay. */
  public synchronized void reset() {
    attempt = 0;
  }
}
