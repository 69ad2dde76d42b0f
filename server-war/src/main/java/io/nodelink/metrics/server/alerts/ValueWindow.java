package io.nodelink.metrics.server.alerts;

/**
 * The recent values of one series for one rule: a ring of at most {@value #MAX_POINTS} points
 * spread over the rule's window (a point closer than {@code spacing} to the previous one replaces
 * it), so memory stays bounded whatever the window and the agent's interval. Not thread-safe: one
 * agent's evaluation runs under its lock.
 *
 * <p>Each point's time and value sit side by side in one array, sized to the window (a 60 s window
 * at 1 s holds 62 points, not 120): evaluation touches a few of these windows per series on every
 * snapshot of thousands of agents, and at that scale the cost is the memory they are read from.
 */
final class ValueWindow {

  static final int MAX_POINTS = 120;

  private final long spanSeconds;
  private final long spacing;
  private final int capacity;

  /** Point {@code k} of the ring: its time at {@code 2k}, its value's bits at {@code 2k + 1}. */
  private final long[] ring;

  private int start;
  private int size;

  /** The sum of the values held, kept as they come and go: avg costs no pass over the window. */
  private double sum;

  /**
   * The smallest and largest value held, kept as values come; when one of them leaves (evicted or
   * replaced by a less extreme one) they are found again by one pass, at the next {@code min} or
   * {@code max}. A pass per snapshot over every window was most of evaluation's time with min/max
   * rules.
   */
  private double min = Double.POSITIVE_INFINITY;

  private double max = Double.NEGATIVE_INFINITY;
  private boolean extremaStale;

  ValueWindow(long spanSeconds) {
    this.spanSeconds = spanSeconds;
    this.capacity = (int) Math.max(2, Math.min(MAX_POINTS, spanSeconds + 2));
    this.spacing = Math.max(1, spanSeconds / (capacity - 1));
    this.ring = new long[2 * capacity];
  }

  void add(long time, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    if (size > 0) {
      int last = index(size - 1);
      if (time < timeAt(last)) {
        return; // late: the window moves forward only
      }
      if (size > 1 && time - timeAt(index(size - 2)) < spacing) {
        // The newest point moves on until it is spacing from the one before.
        double old = valueAt(last);
        sum += value - old;
        leaving(old);
        set(last, time, value);
        arriving(value);
        evict(time);
        return;
      }
    }
    if (size == capacity) {
      removeOldest();
    }
    set(index(size), time, value);
    sum += value;
    size++;
    arriving(value);
    evict(time);
  }

  private void evict(long now) {
    while (size > 1 && timeAt(start) < now - spanSeconds) {
      removeOldest();
    }
  }

  private void removeOldest() {
    double oldest = valueAt(start);
    sum -= oldest;
    leaving(oldest);
    start = start + 1 == capacity ? 0 : start + 1;
    size--;
  }

  private void arriving(double value) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  private void leaving(double value) {
    if (value <= min || value >= max) {
      extremaStale = true;
    }
  }

  private void findExtrema() {
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      arriving(valueAt(index(i)));
    }
    extremaStale = false;
  }

  private int index(int i) {
    int k = start + i;
    return k >= capacity ? k - capacity : k;
  }

  private long timeAt(int k) {
    return ring[2 * k];
  }

  private double valueAt(int k) {
    return Double.longBitsToDouble(ring[2 * k + 1]);
  }

  private void set(int k, long time, double value) {
    ring[2 * k] = time;
    ring[2 * k + 1] = Double.doubleToRawLongBits(value);
  }

  int size() {
    return size;
  }

  /** The values held, oldest first (tests). */
  double[] valuesForTest() {
    double[] held = new double[size];
    for (int i = 0; i < size; i++) {
      held[i] = valueAt(index(i));
    }
    return held;
  }

  /** The time of the newest value held, or {@code Long.MIN_VALUE} when empty. */
  long newestTime() {
    return size == 0 ? Long.MIN_VALUE : timeAt(index(size - 1));
  }

  /** {@code avg}, {@code min}, {@code max} or {@code last} of the window; NaN when empty. */
  double aggregate(String agg) {
    if (size == 0) {
      return Double.NaN;
    }
    if (agg.equals("last")) {
      return valueAt(index(size - 1));
    }
    if (agg.equals("avg")) {
      return size == 1 ? valueAt(start) : sum / size;
    }
    if (extremaStale) {
      findExtrema();
    }
    return agg.equals("min") ? min : max;
  }

  /**
   * Seconds until the least-squares line through the window reaches {@code full}, from the newest
   * point; +infinity when it does not rise, NaN with too little data (fewer than 5 points or a
   * quarter of the span).
   */
  double secondsUntil(double full) {
    if (size < 5 || timeAt(index(size - 1)) - timeAt(start) < spanSeconds / 4) {
      return Double.NaN;
    }
    long t0 = timeAt(start);
    double n = size;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < size; i++) {
      int k = index(i);
      double x = timeAt(k) - t0;
      double y = valueAt(k);
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
    double nowX = timeAt(index(size - 1)) - t0;
    double atNow = intercept + slope * nowX;
    return Math.max(0, (full - atNow) / slope);
  }
}
