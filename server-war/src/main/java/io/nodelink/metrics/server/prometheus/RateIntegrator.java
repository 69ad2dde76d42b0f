package io.nodelink.metrics.server.prometheus;

import java.util.HashMap;
import java.util.Map;

/**
 * One agent's counters, rebuilt from the per-second rates its snapshots carry: each snapshot adds
 * its rate × the time since the previous one, so a PromQL {@code rate()} over the totals gives back
 * the agent's own rates. A new integrator starts every counter at 0 (a reset, to Prometheus).
 *
 * <p>Holds only the counters of the last snapshot: a series the last snapshot did not carry is
 * dropped when the next one starts; if it comes back, its total starts again from that interval's
 * increase (a counter reset, to Prometheus). A host that churns through interface names
 * (containers' {@code veth*}) so costs what one snapshot carries, not every name it ever reported.
 * Not thread-safe: one conversion task owns all integrators.
 */
final class RateIntegrator {

  private static final long NONE = Long.MIN_VALUE;

  private final Map<String, Total> totals = new HashMap<>();
  private long lastMillis = NONE;
  private boolean restarted = true;
  private double elapsedSeconds;

  /** Counts the snapshots advanced to; a total is stamped with the last one that carried it. */
  private long snapshot;

  private int carriedBySnapshot;

  /**
   * Starts every counter again at 0 with the next snapshot (the agent reconnected: its process may
   * have restarted). The last time is kept: a series must not go back in time.
   */
  void reset() {
    totals.clear();
    carriedBySnapshot = 0;
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
    forgetSeriesTheLastSnapshotLacked();
    elapsedSeconds = restarted ? 0 : (timestampMillis - lastMillis) / 1000.0;
    restarted = false;
    lastMillis = timestampMillis;
    snapshot++;
    carriedBySnapshot = 0;
    return true;
  }

  /** Adds {@code perSecond} over the interval just advanced and returns the series' total. */
  double integrate(String series, double perSecond) {
    Total total = totals.computeIfAbsent(series, name -> new Total());
    if (total.snapshot != snapshot) {
      total.snapshot = snapshot;
      carriedBySnapshot++;
    }
    total.value += perSecond > 0 ? perSecond * elapsedSeconds : 0;
    return total.value;
  }

  /** The counters held now, for tests. */
  int size() {
    return totals.size();
  }

  private void forgetSeriesTheLastSnapshotLacked() {
    if (totals.size() > carriedBySnapshot) {
      totals.values().removeIf(total -> total.snapshot != snapshot);
    }
  }

  /** One counter's running total and the last snapshot that carried it. */
  private static final class Total {
    double value;
    long snapshot;
  }
}
