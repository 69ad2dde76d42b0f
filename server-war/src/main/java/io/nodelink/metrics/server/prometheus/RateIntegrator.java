package io.nodelink.metrics.server.prometheus;

import java.util.HashMap;
import java.util.Map;

/**
 * One agent's counters, rebuilt from the per-second rates its snapshots carry: each snapshot adds
 * its rate × the time since the previous one, so a PromQL {@code rate()} over the totals gives back
 * the agent's own rates. A new integrator starts every counter at 0 (a reset, to Prometheus). Not
 * thread-safe: one conversion task owns all integrators.
 */
final class RateIntegrator {

  private static final long NONE = Long.MIN_VALUE;

  private final Map<String, Double> totals = new HashMap<>();
  private long lastMillis = NONE;
  private boolean restarted = true;
  private double elapsedSeconds;

  /**
   * Starts every counter again at 0 with the next snapshot (the agent reconnected: its process may
   * have restarted). The last time is kept: a series must not go back in time.
   */
  void reset() {
    totals.clear();
    restarted = true;
  }

  /**
   * Moves to a snapshot taken at {@code timestampMillis}.
   *
   * @return false (and nothing moves) if it is not newer than the last one: a counter cannot go
   *     back in time, so a late snapshot has no place in the totals
   */
  boolean advanceTo(long timestampMillis) {
    if (lastMillis != NONE && timestampMillis <= lastMillis) {
      return false;
    }
    elapsedSeconds = restarted ? 0 : (timestampMillis - lastMillis) / 1000.0;
    restarted = false;
    lastMillis = timestampMillis;
    return true;
  }

  /** Adds {@code perSecond} over the interval just advanced and returns the series' total. */
  double integrate(String series, double perSecond) {
    double increase = perSecond > 0 ? perSecond * elapsedSeconds : 0;
    return totals.merge(series, increase, Double::sum);
  }
}
