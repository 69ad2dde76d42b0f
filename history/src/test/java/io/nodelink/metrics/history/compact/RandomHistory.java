package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random series and queries for the property tests. */
final class RandomHistory {

  /** One append. */
  record Append(String agent, String series, long timestamp, double value) {}

  private static final double[] ODD_VALUES = {
    -0.0,
    0.0,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    1e-300,
    1e300,
    Double.NaN,
  };

  private final Random random;
  private final boolean oddValues;

  RandomHistory(long seed, boolean oddValues) {
    this.random = new Random(seed);
    this.oddValues = oddValues;
  }

  Random random() {
    return random;
  }

  /**
   * Appends for a few agents and series: 1 s steps with jitter and gaps, late and duplicate points,
   * and values that walk, jump like counters, sit constant or are odd doubles.
   */
  List<Append> appends(long startTime, int count) {
    int agents = 1 + random.nextInt(2);
    int seriesPerAgent = 1 + random.nextInt(4);
    int streams = agents * seriesPerAgent;
    long[] time = new long[streams];
    double[] value = new double[streams];
    int[] kind = new int[streams];
    for (int s = 0; s < streams; s++) {
      time[s] = startTime + random.nextInt(5);
      value[s] = random.nextInt(100);
      kind[s] = random.nextInt(4);
    }
    List<Append> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int s = random.nextInt(streams);
      String agent = "agent" + (s / seriesPerAgent);
      String series = "series." + (s % seriesPerAgent);
      int dice = random.nextInt(100);
      long t;
      if (dice < 6 && time[s] > startTime) {
        t = time[s] - 1 - random.nextInt((int) Math.min(400, time[s] - startTime + 1));
      } else if (dice < 9) {
        t = time[s];
      } else {
        int step = random.nextInt(100);
        time[s] += step < 85 ? 1 : step < 95 ? 2 + random.nextInt(3) : 30 + random.nextInt(900);
        t = time[s];
      }
      value[s] = nextValue(kind[s], value[s]);
      out.add(new Append(agent, series, t, value[s]));
    }
    return out;
  }

  private double nextValue(int kind, double previous) {
    if (oddValues && random.nextInt(40) == 0) {
      return ODD_VALUES[random.nextInt(ODD_VALUES.length)];
    }
    if (oddValues && random.nextInt(60) == 0) {
      return Double.longBitsToDouble(random.nextLong());
    }
    double base = Double.isFinite(previous) && Math.abs(previous) < 1e12 ? previous : 50;
    return switch (kind) {
      case 0 -> Math.round((base + random.nextGaussian()) * 10) / 10.0;
      case 1 -> random.nextInt(50) == 0 ? base + 1e9 : base + random.nextInt(3);
      case 2 -> random.nextInt(20) == 0 ? random.nextInt(5) : base;
      default -> base + random.nextGaussian() * 3;
    };
  }

  /** A query over roughly {@code [min, max]} with every kind of parameter. */
  RangeQuery query(Set<String> knownSeries, long min, long max) {
    Set<String> series = new HashSet<>();
    if (random.nextBoolean()) {
      for (String s : knownSeries) {
        if (random.nextBoolean()) {
          series.add(s);
        }
      }
      if (random.nextInt(5) == 0) {
        series.add("no.such.series");
      }
    }
    long span = Math.max(1, max - min);
    long start = min - 5 + (long) (random.nextDouble() * span);
    long end = start + (long) (random.nextDouble() * span * 1.2);
    if (random.nextInt(4) == 0) {
      start = min - 10;
      end = max + 10;
    }
    long[] intervals = {0, 0, 0, 1, 5, 7, 60, 120, 300};
    int[] maxPoints = {1, 2, 7, 50, 1000, 100_000};
    return new RangeQuery(
        series,
        start,
        end,
        intervals[random.nextInt(intervals.length)],
        maxPoints[random.nextInt(maxPoints.length)],
        Aggregation.values()[random.nextInt(Aggregation.values().length)]);
  }
}
