package io.nodelink.metrics.server.alerts;

/**
 * The recent values of one series for one rule: a ring of at most {@value #MAX_POINTS} points
 * spread over the rule's window (a point closer than {@code spacing} to the previous one replaces
 * it), so memory stays bounded whatever the window and the agent's interval. Not thread-safe: one
 * agent's evaluation runs one task at a time.
 */
final class ValueWindow {

  static final int MAX_POINTS = 120;

  private final long spanSeconds;
  private final long spacing;
  private final long[] times = new long[MAX_POINTS];
  private final double[] values = new double[MAX_POINTS];
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
    this.spacing = Math.max(1, spanSeconds / (MAX_POINTS - 1));
  }

  void add(long time, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    if (size > 0) {
      int last = index(size - 1);
      if (time < times[last]) {
        return; // late: the window moves forward only
      }
      if (size > 1 && time - times[index(size - 2)] < spacing) {
        times[last] = time; // the newest point moves on until it is spacing from the one before
        sum += value - values[last];
        leaving(values[last]);
        values[last] = value;
        arriving(value);
        evict(time);
        return;
      }
    }
    if (size == MAX_POINTS) {
      removeOldest();
    }
    int i = index(size);
    times[i] = time;
    values[i] = value;
    sum += value;
    size++;
    arriving(value);
    evict(time);
  }

  private void evict(long now) {
    while (size > 1 && times[start] < now - spanSeconds) {
      removeOldest();
    }
  }

  private void removeOldest() {
    sum -= values[start];
    leaving(values[start]);
    start = (start + 1) % MAX_POINTS;
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
      arriving(values[index(i)]);
    }
    extremaStale = false;
  }

  private int index(int i) {
    return (start + i) % MAX_POINTS;
  }

  int size() {
    return size;
  }

  /** The values held, oldest first (tests). */
  double[] valuesForTest() {
    double[] held = new double[size];
    for (int i = 0; i < size; i++) {
      held[i] = values[index(i)];
    }
    return held;
  }

  /** The time of the newest value held, or {@code Long.MIN_VALUE} when empty. */
  long newestTime() {
    return size == 0 ? Long.MIN_VALUE : times[index(size - 1)];
  }

  /** {@code avg}, {@code min}, {@code max} or {@code last} of the window; NaN when empty. */
  double aggregate(String agg) {
    if (size == 0) {
      return Double.NaN;
    }
    if (agg.equals("last")) {
      return values[index(size - 1)];
    }
    if (agg.equals("avg")) {
      return size == 1 ? values[start] : sum / size;
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
    if (size < 5 || times[index(size - 1)] - times[start] < spanSeconds / 4) {
      return Double.NaN;
    }
    long t0 = times[start];
    double n = size;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < size; i++) {
      double x = times[index(i)] - t0;
      double y = values[index(i)];
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
    double nowX = times[index(size - 1)] - t0;
    double atNow = intercept + slope * nowX;
    return Math.max(0, (full - atNow) / slope);
  }
}
