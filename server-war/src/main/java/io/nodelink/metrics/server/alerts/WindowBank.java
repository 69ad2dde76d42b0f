package io.nodelink.metrics.server.alerts;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The recent values of one agent's series, one window per (series, span) its rules need. Windows of
 * one span share their rows: row {@code r} holds one time and the value of each window at it, at
 * most {@value #MAX_POINTS} rows spread over the span (a row closer than the span's spacing to the
 * one before replaces it), so memory stays bounded whatever the span and the agent's interval. A
 * value the series did not have (NaN) is a gap in its window. Not thread-safe: one agent's
 * evaluation runs under its lock.
 *
 * <p>Why rows and not a ring per window: evaluation touches every window of an agent on each of its
 * snapshots, thousands of agents a second, and at that scale its cost is the memory it reads. A
 * snapshot writes one row per span and evicts one, each a few adjacent cache lines, where a ring
 * per window cost a cache miss or more per window; the running statistics of all windows lie in one
 * array, read in order.
 */
final class WindowBank {

  static final int MAX_POINTS = 120;

  // The running totals of window w at totals[slotOf[w] * TOTALS + field] (the windows of one span
  // side by side, in row order): the sum and count of its values and its newest value.
  private static final int SUM = 0;
  private static final int COUNT = 1;
  private static final int LAST = 2;
  private static final int TOTALS = 3;

  // The extremes of a window some rule takes the min or max of, at extremes[slotOf[w] * EXTREMES +
  // field]: its smallest and largest value and how many values hold each. An extreme is NaN once
  // its last value left, found again by one pass at the next min or max, not on every snapshot;
  // counting its values spares that pass when a series repeats a value (a counter at 0, a full
  // disk). Only those windows keep them up to date (they come first in their span's rows), so a
  // snapshot touches no more memory than its rules need.
  private static final int MIN = 0;
  private static final int MAX = 1;
  private static final int MIN_COUNT = 2;
  private static final int MAX_COUNT = 3;
  private static final int EXTREMES = 4;

  private final double[] totals;
  private final double[] extremes;
  private final Rows[] groups;
  private final int[] groupOf;
  private final int[] slotOf;

  /** The rows of the windows of one span. */
  private static final class Rows {
    final long span;
    final long spacing;
    final int capacity;

    /** The windows whose values the row holds, in row order. */
    final int[] windows;

    /** The slot of the first of them; the others follow. */
    final int first;

    /** How many of them, from the first, keep their extremes. */
    final int withExtremes;

    final long[] times;

    /** Row {@code r} at {@code r * windows.length}. */
    final double[] values;

    int start;
    int size;

    Rows(long span, int[] windows, int first, int withExtremes) {
      this.span = span;
      this.first = first;
      this.withExtremes = withExtremes;
      this.capacity = capacityFor(span);
      this.spacing = Math.max(1, span / (capacity - 1));
      this.windows = windows;
      this.times = new long[capacity];
      this.values = new double[capacity * windows.length];
    }

    int row(int i) {
      int r = start + i;
      return r >= capacity ? r - capacity : r;
    }

    long newestTime() {
      return times[row(size - 1)];
    }
  }

  /** One empty window for each span, in this order, each keeping its extremes (tests). */
  WindowBank(long[] spans) {
    this(spans, allTrue(spans.length), null, null);
  }

  /**
   * One window for each span; {@code withExtremes[w]} when some rule takes the min or max of window
   * {@code w}. Window {@code w} takes over the values of window {@code previousOf[w]} of {@code
   * previous} (when that is not null and not -1), so a new plan keeps what its series' windows held
   * under the last one.
   */
  WindowBank(long[] spans, boolean[] withExtremes, WindowBank previous, int[] previousOf) {
    totals = new double[spans.length * TOTALS];
    extremes = new double[spans.length * EXTREMES];
    groupOf = new int[spans.length];
    slotOf = new int[spans.length];
    long[] distinct = Arrays.stream(spans).distinct().toArray();
    groups = new Rows[distinct.length];
    int slot = 0;
    for (int g = 0; g < distinct.length; g++) {
      long span = distinct[g];
      int[] members =
          IntStream.concat(
                  IntStream.range(0, spans.length).filter(w -> spans[w] == span && withExtremes[w]),
                  IntStream.range(0, spans.length)
                      .filter(w -> spans[w] == span && !withExtremes[w]))
              .toArray();
      int tracking = (int) Arrays.stream(members).filter(w -> withExtremes[w]).count();
      groups[g] = new Rows(span, members, slot, tracking);
      for (int w : members) {
        groupOf[w] = g;
        slotOf[w] = slot;
        clear(slot++);
      }
    }
    if (previous != null) {
      takeOver(previous, previousOf);
    }
  }

  private static boolean[] allTrue(int n) {
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    return all;
  }

  /** A 60 s window at 1 s holds 62 points, not {@value #MAX_POINTS}. */
  static int capacityFor(long span) {
    return (int) Math.max(2, Math.min(MAX_POINTS, span + 2));
  }

  int windows() {
    return groupOf.length;
  }

  long span(int w) {
    return groups[groupOf[w]].span;
  }

  /** Adds each window's value at {@code time}: {@code values[w]} for window {@code w}. */
  void add(long time, double[] values) {
    for (Rows rows : groups) {
      add(rows, time, values);
    }
  }

  private void add(Rows rows, long time, double[] values) {
    if (rows.size > 0) {
      if (time < rows.newestTime()) {
        return; // late: the windows move forward only
      }
      if (rows.size > 1 && time - rows.times[rows.row(rows.size - 2)] < rows.spacing) {
        // The newest row moves on until it is spacing from the one before.
        int newest = rows.row(rows.size - 1);
        rows.times[newest] = time;
        int at = newest * rows.windows.length;
        for (int m = 0; m < rows.windows.length; m++) {
          double value = values[rows.windows[m]];
          boolean withExtremes = m < rows.withExtremes;
          leaving(rows.first + m, rows.values[at + m], withExtremes);
          rows.values[at + m] = value;
          arriving(rows.first + m, value, withExtremes);
        }
        evict(rows, time);
        return;
      }
    }
    if (rows.size == rows.capacity) {
      removeOldest(rows);
    }
    int row = rows.row(rows.size);
    rows.times[row] = time;
    int at = row * rows.windows.length;
    for (int m = 0; m < rows.windows.length; m++) {
      double value = values[rows.windows[m]];
      rows.values[at + m] = value;
      arriving(rows.first + m, value, m < rows.withExtremes);
    }
    rows.size++;
    evict(rows, time);
  }

  private void evict(Rows rows, long now) {
    long oldestAllowed = now - rows.span;
    while (rows.size > 1 && rows.times[rows.start] < oldestAllowed) {
      removeOldest(rows);
    }
  }

  private void removeOldest(Rows rows) {
    int at = rows.start * rows.windows.length;
    for (int m = 0; m < rows.windows.length; m++) {
      leaving(rows.first + m, rows.values[at + m], m < rows.withExtremes);
    }
    rows.start = rows.start + 1 == rows.capacity ? 0 : rows.start + 1;
    rows.size--;
  }

  private void arriving(int slot, double value, boolean withExtremes) {
    if (Double.isNaN(value)) {
      return;
    }
    int at = slot * TOTALS;
    totals[at + SUM] += value;
    totals[at + COUNT]++;
    totals[at + LAST] = value;
    if (withExtremes) {
      extremeArriving(slot * EXTREMES, value);
    }
  }

  private void extremeArriving(int at, double value) {
    // A stale (NaN) extreme stays stale: no comparison with NaN holds.
    if (value < extremes[at + MIN]) {
      extremes[at + MIN] = value;
      extremes[at + MIN_COUNT] = 1;
    } else if (value == extremes[at + MIN]) {
      extremes[at + MIN_COUNT]++;
    }
    if (value > extremes[at + MAX]) {
      extremes[at + MAX] = value;
      extremes[at + MAX_COUNT] = 1;
    } else if (value == extremes[at + MAX]) {
      extremes[at + MAX_COUNT]++;
    }
  }

  private void leaving(int slot, double value, boolean withExtremes) {
    if (Double.isNaN(value)) {
      return;
    }
    int at = slot * TOTALS;
    totals[at + SUM] -= value;
    totals[at + COUNT]--;
    if (withExtremes) {
      at = slot * EXTREMES;
      if (value == extremes[at + MIN] && --extremes[at + MIN_COUNT] == 0) {
        extremes[at + MIN] = Double.NaN;
      }
      if (value == extremes[at + MAX] && --extremes[at + MAX_COUNT] == 0) {
        extremes[at + MAX] = Double.NaN;
      }
    }
  }

  private void clear(int slot) {
    int at = slot * TOTALS;
    totals[at + SUM] = 0;
    totals[at + COUNT] = 0;
    totals[at + LAST] = Double.NaN;
    // Stale until kept or asked for: a window without extremes finds them by a pass when asked.
    extremes[slot * EXTREMES + MIN] = Double.NaN;
    extremes[slot * EXTREMES + MAX] = Double.NaN;
  }

  /** Finds both extremes of window {@code w} by a pass over its values. */
  private void findExtrema(int w) {
    int at = slotOf[w] * EXTREMES;
    extremes[at + MIN] = Double.POSITIVE_INFINITY;
    extremes[at + MAX] = Double.NEGATIVE_INFINITY;
    extremes[at + MIN_COUNT] = 0;
    extremes[at + MAX_COUNT] = 0;
    forEachValue(w, (time, value) -> extremeArriving(at, value));
  }

  private boolean keepsExtremes(int w) {
    Rows rows = groups[groupOf[w]];
    return slotOf[w] - rows.first < rows.withExtremes;
  }

  /** What a pass over one window's values takes, oldest first. */
  private interface ValueVisitor {
    void visit(long time, double value);
  }

  private void forEachValue(int w, ValueVisitor visitor) {
    Rows rows = groups[groupOf[w]];
    int m = slotOf[w] - rows.first;
    int width = rows.windows.length;
    for (int i = 0; i < rows.size; i++) {
      int row = rows.row(i);
      double value = rows.values[row * width + m];
      if (!Double.isNaN(value)) {
        visitor.visit(rows.times[row], value);
      }
    }
  }

  /**
   * Replays the rows of each span the previous bank had, with the values of the windows carried
   * over (windows of one span were all in one group there too).
   */
  private void takeOver(WindowBank previous, int[] previousOf) {
    double[] values = new double[windows()];
    for (Rows rows : groups) {
      Rows old = null;
      for (int w : rows.windows) {
        old = previousOf[w] >= 0 ? previous.groups[previous.groupOf[previousOf[w]]] : old;
      }
      if (old == null) {
        continue; // no window of this span had values
      }
      for (int i = 0; i < old.size; i++) {
        int row = old.row(i);
        for (int w : rows.windows) {
          int from = previousOf[w];
          values[w] =
              from < 0
                  ? Double.NaN
                  : old.values[row * old.windows.length + previous.slotOf[from] - old.first];
        }
        add(rows, old.times[row], values);
      }
      for (int w : rows.windows) {
        if (previousOf[w] >= 0) {
          totals[slotOf[w] * TOTALS + LAST] =
              previous.totals[previous.slotOf[previousOf[w]] * TOTALS + LAST];
        }
      }
    }
  }

  /** How many values window {@code w} holds. */
  int size(int w) {
    return (int) totals[slotOf[w] * TOTALS + COUNT];
  }

  /** The values window {@code w} holds, oldest first (tests). */
  double[] valuesForTest(int w) {
    double[] held = new double[size(w)];
    int[] next = {0};
    forEachValue(w, (time, value) -> held[next[0]++] = value);
    return held;
  }

  /**
   * {@link Aggregation#AVG} and the others over window {@code w}; when it holds no value, its
   * newest value however old (a window keeps its last point), NaN if it never had one.
   */
  double aggregate(int w, Aggregation agg) {
    int at = slotOf[w] * TOTALS;
    if (totals[at + COUNT] == 0 || agg == Aggregation.LAST) {
      return totals[at + LAST];
    }
    return switch (agg) {
      case AVG -> totals[at + SUM] / totals[at + COUNT];
      case MIN -> extreme(w, MIN);
      default -> extreme(w, MAX);
    };
  }

  private double extreme(int w, int field) {
    int at = slotOf[w] * EXTREMES;
    if (Double.isNaN(extremes[at + field]) || !keepsExtremes(w)) {
      findExtrema(w);
    }
    return extremes[at + field];
  }

  /**
   * Seconds until the least-squares line through window {@code w} reaches {@code full}, from its
   * newest value; +infinity when it does not rise, NaN with too little data (fewer than 5 values or
   * a quarter of the span).
   */
  double secondsUntil(int w, double full) {
    if (size(w) < 5) {
      return Double.NaN;
    }
    Fit fit = new Fit();
    forEachValue(w, fit);
    if (fit.newest - fit.oldest < span(w) / 4) {
      return Double.NaN;
    }
    return fit.secondsUntil(full);
  }

  /** A least-squares line through the values of a window, oldest first. */
  private static final class Fit implements ValueVisitor {
    long oldest = Long.MIN_VALUE;
    long newest;
    double n;
    double sx;
    double sy;
    double sxx;
    double sxy;

    @Override
    public void visit(long time, double y) {
      if (n == 0) {
        oldest = time;
      }
      newest = time;
      double x = time - oldest;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }

    double secondsUntil(double full) {
      double denominator = n * sxx - sx * sx;
      if (denominator == 0) {
        return Double.NaN;
      }
      double slope = (n * sxy - sx * sy) / denominator;
      if (slope <= 0) {
        return Double.POSITIVE_INFINITY;
      }
      double intercept = (sy - slope * sx) / n;
      double atNow = intercept + slope * (newest - oldest);
      return Math.max(0, (full - atNow) / slope);
    }
  }
}
