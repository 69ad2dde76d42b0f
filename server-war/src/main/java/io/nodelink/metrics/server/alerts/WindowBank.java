package io.nodelink.metrics.server.alerts;

/**
 * The recent values of one agent's series, one window per (series, span) its rules need, each a
 * ring of at most {@value #MAX_POINTS} points spread over the span (a point closer than the
 * window's spacing to the previous one replaces it), so memory stays bounded whatever the span and
 * the agent's interval. Not thread-safe: one agent's evaluation runs under its lock.
 *
 * <p>Why a bank of windows in a few arrays and not an object per window: evaluation touches every
 * window of an agent on each of its snapshots, thousands of agents a second, and at that scale its
 * cost is the memory it reads. Window {@code w}'s bookkeeping sits at {@code w * STRIDE} of one
 * array, read in order from window to window, and its points lie in one array shared by the bank;
 * with an object, a ring array and their headers per window, each window cost several cache misses.
 */
final class WindowBank {

  static final int MAX_POINTS = 120;

  // The fields of window w in state[w * STRIDE + field].
  private static final int SPAN = 0;
  private static final int SPACING = 1;
  private static final int BASE = 2;
  private static final int CAPACITY = 3;
  private static final int START = 4;
  private static final int SIZE = 5;
  private static final int STRIDE = 6;

  /** Spans, spacings, ring offsets and positions. */
  private final long[] state;

  // The statistics of window w in stats[w * STATS + field], kept as values come and go: the sum,
  // the smallest and largest value and how many points hold each. An extreme is NaN once its last
  // point left, and found again by one pass at the next min or max, not on every snapshot; counting
  // its points spares that pass when a series repeats a value (a counter at 0, a full disk).
  private static final int SUM = 0;
  private static final int MIN = 1;
  private static final int MAX = 2;
  private static final int MIN_COUNT = 3;
  private static final int MAX_COUNT = 4;
  private static final int STATS = 5;

  private final double[] stats;

  /**
   * Point {@code k} of window {@code w}: its time at {@code base + 2k}, its value at {@code +1}.
   */
  private final long[] ring;

  /** One empty window for each span, in this order. */
  WindowBank(long[] spans) {
    state = new long[spans.length * STRIDE];
    stats = new double[spans.length * STATS];
    long base = 0;
    for (int w = 0; w < spans.length; w++) {
      long capacity = capacityFor(spans[w]);
      int at = w * STRIDE;
      state[at + SPAN] = spans[w];
      state[at + SPACING] = Math.max(1, spans[w] / (capacity - 1));
      state[at + BASE] = base;
      state[at + CAPACITY] = capacity;
      base += 2 * capacity;
      clearExtrema(w);
    }
    ring = new long[Math.toIntExact(base)];
  }

  /** A 60 s window at 1 s holds 62 points, not {@value #MAX_POINTS}. */
  static int capacityFor(long span) {
    return (int) Math.max(2, Math.min(MAX_POINTS, span + 2));
  }

  int windows() {
    return stats.length / STATS;
  }

  long span(int w) {
    return state[w * STRIDE + SPAN];
  }

  void add(int w, long time, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    int at = w * STRIDE;
    int size = (int) state[at + SIZE];
    if (size > 0) {
      int last = slot(at, size - 1);
      if (time < ring[last]) {
        return; // late: the window moves forward only
      }
      if (size > 1 && time - ring[slot(at, size - 2)] < state[at + SPACING]) {
        // The newest point moves on until it is spacing from the one before.
        double old = Double.longBitsToDouble(ring[last + 1]);
        stats[w * STATS + SUM] += value - old;
        leaving(w, old);
        set(last, time, value);
        arriving(w, value);
        evict(w, at, time);
        return;
      }
    }
    if (size == state[at + CAPACITY]) {
      removeOldest(w, at);
      size--;
    }
    set(slot(at, size), time, value);
    state[at + SIZE] = size + 1;
    stats[w * STATS + SUM] += value;
    arriving(w, value);
    evict(w, at, time);
  }

  private void evict(int w, int at, long now) {
    long oldestAllowed = now - state[at + SPAN];
    while (state[at + SIZE] > 1 && ring[slot(at, 0)] < oldestAllowed) {
      removeOldest(w, at);
    }
  }

  private void removeOldest(int w, int at) {
    int oldest = slot(at, 0);
    double value = Double.longBitsToDouble(ring[oldest + 1]);
    stats[w * STATS + SUM] -= value;
    leaving(w, value);
    long start = state[at + START] + 1;
    state[at + START] = start == state[at + CAPACITY] ? 0 : start;
    state[at + SIZE]--;
  }

  private void arriving(int w, double value) {
    int at = w * STATS;
    // A stale (NaN) extreme stays stale: no comparison with NaN holds.
    if (value < stats[at + MIN]) {
      stats[at + MIN] = value;
      stats[at + MIN_COUNT] = 1;
    } else if (value == stats[at + MIN]) {
      stats[at + MIN_COUNT]++;
    }
    if (value > stats[at + MAX]) {
      stats[at + MAX] = value;
      stats[at + MAX_COUNT] = 1;
    } else if (value == stats[at + MAX]) {
      stats[at + MAX_COUNT]++;
    }
  }

  private void leaving(int w, double value) {
    int at = w * STATS;
    if (value == stats[at + MIN] && --stats[at + MIN_COUNT] == 0) {
      stats[at + MIN] = Double.NaN;
    }
    if (value == stats[at + MAX] && --stats[at + MAX_COUNT] == 0) {
      stats[at + MAX] = Double.NaN;
    }
  }

  private void findExtrema(int w) {
    clearExtrema(w);
    int at = w * STRIDE;
    for (int i = 0; i < state[at + SIZE]; i++) {
      arriving(w, valueAt(at, i));
    }
  }

  private void clearExtrema(int w) {
    int at = w * STATS;
    stats[at + MIN] = Double.POSITIVE_INFINITY;
    stats[at + MAX] = Double.NEGATIVE_INFINITY;
    stats[at + MIN_COUNT] = 0;
    stats[at + MAX_COUNT] = 0;
  }

  /** The ring index of the window's {@code i}th point, oldest first. */
  private int slot(int at, int i) {
    long k = state[at + START] + i;
    long capacity = state[at + CAPACITY];
    return (int) (state[at + BASE] + 2 * (k >= capacity ? k - capacity : k));
  }

  private long timeAt(int at, int i) {
    return ring[slot(at, i)];
  }

  private double valueAt(int at, int i) {
    return Double.longBitsToDouble(ring[slot(at, i) + 1]);
  }

  private void set(int slot, long time, double value) {
    ring[slot] = time;
    ring[slot + 1] = Double.doubleToRawLongBits(value);
  }

  int size(int w) {
    return (int) state[w * STRIDE + SIZE];
  }

  /** The values window {@code w} holds, oldest first (tests). */
  double[] valuesForTest(int w) {
    double[] held = new double[size(w)];
    for (int i = 0; i < held.length; i++) {
      held[i] = valueAt(w * STRIDE, i);
    }
    return held;
  }

  /**
   * Takes over the points of window {@code from} of {@code other} into window {@code w} (empty, of
   * the same span): a new plan keeps what its series' windows held under the last one.
   */
  void copy(WindowBank other, int from, int w) {
    int otherAt = from * STRIDE;
    for (int i = 0; i < other.state[otherAt + SIZE]; i++) {
      add(w, other.timeAt(otherAt, i), other.valueAt(otherAt, i));
    }
  }

  /** {@link Aggregation#AVG} and the others over window {@code w}; NaN when empty. */
  double aggregate(int w, Aggregation agg) {
    int at = w * STRIDE;
    int size = (int) state[at + SIZE];
    if (size == 0) {
      return Double.NaN;
    }
    return switch (agg) {
      case LAST -> valueAt(at, size - 1);
      case AVG -> size == 1 ? valueAt(at, 0) : stats[w * STATS + SUM] / size;
      case MIN -> extreme(w, MIN);
      case MAX -> extreme(w, MAX);
    };
  }

  private double extreme(int w, int field) {
    if (Double.isNaN(stats[w * STATS + field])) {
      findExtrema(w);
    }
    return stats[w * STATS + field];
  }

  /**
   * Seconds until the least-squares line through window {@code w} reaches {@code full}, from the
   * newest point; +infinity when it does not rise, NaN with too little data (fewer than 5 points or
   * a quarter of the span).
   */
  double secondsUntil(int w, double full) {
    int at = w * STRIDE;
    int size = (int) state[at + SIZE];
    if (size < 5 || timeAt(at, size - 1) - timeAt(at, 0) < state[at + SPAN] / 4) {
      return Double.NaN;
    }
    long t0 = timeAt(at, 0);
    double n = size;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < size; i++) {
      double x = timeAt(at, i) - t0;
      double y = valueAt(at, i);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double denominator = n * sxx - sx * sx;
    if (denominator == 0) {
      return Double.NaN;
    }
    double slope = (n * sxy - sx * sy) / denominator;
    if (slope <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double intercept = (sy - slope * sx) / n;
    double atNow = intercept + slope * (timeAt(at, size - 1) - t0);
    return Math.max(0, (full - atNow) / slope);
  }
}
