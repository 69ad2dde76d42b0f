package io.nodelink.metrics.server.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One agent's series as its recent snapshots carried them: the label set of each (built and
 * validated once, not per snapshot: that was half of a conversion's time) and, for counters, the
 * total rebuilt from the per-second rates the snapshots carry: each snapshot adds its rate × the
 * time since the previous one, so a PromQL {@code rate()} over the totals gives back the agent's
 * own rates. A new instance starts every counter at 0 (a reset, to Prometheus).
 *
 * <p>Holds only the series of the last snapshot and of the one being converted: a series the last
 * snapshot did not carry is dropped when the next one starts; if it comes back, its total starts
 * again from that interval's increase (a counter reset, to Prometheus). A host that churns through
 * interface names (containers' {@code veth*}) so costs what one snapshot carries, not every name it
 * ever reported. Not thread-safe: one conversion task owns all instances.
 */
final class AgentSeries {

  private static final long NONE = Long.MIN_VALUE;

  private final Map<String, Series> series = new HashMap<>();
  private long lastMillis = NONE;
  private boolean restarted = true;
  private double elapsedSeconds;

  /** Counts the snapshots advanced to; a series is stamped with the last one that carried it. */
  private long snapshot;

  private int carriedBySnapshot;

  /**
   * The series of the last snapshot and of the one being converted by place (the n-th sample): an
   * agent's snapshots have the same shape from one to the next, so most samples find their series
   * by comparing a family and a few label values, without building a key.
   */
  private Family[] familyAt = new Family[0];

  private String[][] extraAt = new String[0][];
  private Series[] seriesAt = new Series[0];

  /** Places filled by the snapshot being converted, and by the last one. */
  private int placed;

  private int lastSnapshotPlaces;

  /** One series: its labels and, for a counter, its total. */
  static final class Series {
    private final SeriesLabels labels;
    private double total;
    private long snapshot;

    private Series(Labels labels) {
      this.labels = new SeriesLabels(labels);
    }

    SeriesLabels labels() {
      return labels;
    }
  }

  /**
   * Starts every counter again at 0 with the next snapshot (the agent reconnected: its process may
   * have restarted). The last time is kept: a series must not go back in time.
   */
  void reset() {
    series.clear();
    carriedBySnapshot = 0;
    placed = 0;
    lastSnapshotPlaces = 0;
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
    lastSnapshotPlaces = placed;
    placed = 0;
    return true;
  }

  /**
   * The series at the snapshot's next place if the last snapshot had one of {@code family} with the
   * {@code extra} label values there (then it is carried, and the place taken); else null: look it
   * up by key ({@link #carried}, {@link #add}) and {@link #place} it.
   */
  Series atSamePlace(Family family, String[] extra) {
    int at = placed;
    if (at < lastSnapshotPlaces && familyAt[at] == family && Arrays.equals(extraAt[at], extra)) {
      placed++;
      Series same = seriesAt[at];
      stamp(same);
      return same;
    }
    return null;
  }

  /** Takes the snapshot's next place for {@code found}, which was looked up by key. */
  void place(Family family, String[] extra, Series found) {
    int at = placed++;
    if (at == seriesAt.length) {
      int size = Math.max(16, at * 2);
      familyAt = Arrays.copyOf(familyAt, size);
      extraAt = Arrays.copyOf(extraAt, size);
      seriesAt = Arrays.copyOf(seriesAt, size);
    }
    familyAt[at] = family;
    extraAt[at] = extra;
    seriesAt[at] = found;
  }

  /**
   * Series {@code key} as the snapshot being converted carries it, or null if neither it nor the
   * last one did (then {@link #add} it).
   */
  Series carried(String key) {
    Series known = series.get(key);
    if (known != null) {
      stamp(known);
    }
    return known;
  }

  /** A series the snapshot being converted is the first to carry, its total at 0. */
  Series add(String key, Labels labels) {
    Series added = new Series(labels);
    series.put(key, added);
    stamp(added);
    return added;
  }

  /** Adds {@code perSecond} over the interval just advanced and returns the series' total. */
  double integrate(Series counter, double perSecond) {
    counter.total += perSecond > 0 ? perSecond * elapsedSeconds : 0;
    return counter.total;
  }

  /** The series held now, for tests. */
  int size() {
    return series.size();
  }

  private void stamp(Series carried) {
    if (carried.snapshot != snapshot) {
      carried.snapshot = snapshot;
      carriedBySnapshot++;
    }
  }

  private void forgetSeriesTheLastSnapshotLacked() {
    if (series.size() > carriedBySnapshot) {
      series.values().removeIf(s -> s.snapshot != snapshot);
    }
  }
}
