package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.BucketPlan;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.TimePoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the decoded points and buckets of the queried series into the contract's answer.
 *
 * <p>When only raw points are in range the answer is exactly {@code SimpleHistoryStore}'s: raw
 * points if {@code interval} is 0 and they fit, else aligned buckets of the requested interval
 * widened to fit {@code max_points}. When coarse buckets are in range (the range reaches past the
 * raw retention), every answer bucket is a whole number of coarse buckets: the interval is at least
 * the coarse width, a multiple of it, widened in such steps; coarse buckets and the raw points
 * newer than them are merged, so the newest data is never cut.
 */
final class QueryEvaluator {

  /** The data of one series in range: raw points and coarse buckets (disjoint sets of points). */
  record SeriesData(String name, PointBuffer raw, CoarseBuckets coarse) {}

  private QueryEvaluator() {}

  static HistoryResult answer(List<SeriesData> series, RangeQuery query, long coarseWidth) {
    boolean anyCoarse = false;
    for (SeriesData s : series) {
      anyCoarse |= s.coarse().size > 0;
    }
    return anyCoarse ? mixed(series, query, coarseWidth) : rawOnly(series, query);
  }

  private static HistoryResult rawOnly(List<SeriesData> series, RangeQuery q) {
    long[] union = new long[0];
    for (SeriesData s : series) {
      union = union(union, s.raw());
    }
    if (union.length == 0) {
      return empty(q);
    }
    if (q.intervalSeconds() == 0 && union.length <= q.maxPoints()) {
      return result(rawPoints(series, union), q, 0);
    }
    long first = union[0];
    long last = union[union.length - 1];
    long interval = BucketPlan.widen(first, last, q.intervalSeconds(), q.maxPoints());
    Buckets buckets = new Buckets(first, last, interval);
    for (SeriesData s : series) {
      buckets.startSeries();
      buckets.addPoints(s.raw());
      buckets.finishSeries(s.name(), q.aggregation());
    }
    return result(buckets.points(), q, interval);
  }

  private static HistoryResult mixed(List<SeriesData> series, RangeQuery q, long width) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (SeriesData s : series) {
      if (s.raw().size > 0) {
        first = Math.min(first, s.raw().first());
        last = Math.max(last, s.raw().last());
      }
      CoarseBuckets c = s.coarse();
      if (c.size > 0) {
        first = Math.min(first, c.firstTimestamp(0));
        last = Math.max(last, c.lastTimestamp(c.size - 1));
      }
    }
    long interval = coarseAlignedInterval(first, last, q, width);
    Buckets buckets = new Buckets(first, last, interval);
    for (SeriesData s : series) {
      buckets.startSeries();
      buckets.addCoarse(s.coarse());
      buckets.addPoints(s.raw());
      buckets.finishSeries(s.name(), q.aggregation());
    }
    return result(buckets.points(), q, interval);
  }

  /** The smallest multiple of the coarse width, at least the requested interval, that fits. */
  static long coarseAlignedInterval(long first, long last, RangeQuery q, long width) {
    long interval = roundUp(Math.max(q.intervalSeconds(), width), width);
    interval = roundUp(BucketPlan.widen(first, last, interval, q.maxPoints()), width);
    while (BucketPlan.bucketCount(first, last, interval) > q.maxPoints()) {
      interval += width;
    }
    return interval;
  }

  private static long roundUp(long value, long step) {
    return -Math.floorDiv(-value, step) * step;
  }

  private static List<TimePoint> rawPoints(List<SeriesData> series, long[] union) {
    int[] cursor = new int[series.size()];
    List<TimePoint> points = new ArrayList<>(union.length);
    for (long t : union) {
      Map<String, Double> values = new HashMap<>();
      for (int k = 0; k < series.size(); k++) {
        PointBuffer raw = series.get(k).raw();
        if (cursor[k] < raw.size && raw.timestamps[cursor[k]] == t) {
          values.put(series.get(k).name(), raw.values[cursor[k]]);
          cursor[k]++;
        }
      }
      points.add(new TimePoint(t, values));
    }
    return points;
  }

  /** Sorted distinct union of a sorted array and a buffer's sorted timestamps. */
  private static long[] union(long[] a, PointBuffer b) {
    long[] out = new long[a.length + b.size];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.size) {
      long next;
      if (j == b.size || (i < a.length && a[i] < b.timestamps[j])) {
        next = a[i++];
      } else if (i == a.length || b.timestamps[j] < a[i]) {
        next = b.timestamps[j++];
      } else {
        next = a[i++];
        j++;
      }
      out[n++] = next;
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private static HistoryResult empty(RangeQuery q) {
    return new HistoryResult(
        List.of(), q.startSeconds(), q.endSeconds(), q.intervalSeconds(), false);
  }

  private static HistoryResult result(List<TimePoint> points, RangeQuery q, long interval) {
    return new HistoryResult(points, q.startSeconds(), q.endSeconds(), interval, false);
  }

  /**
   * Aligned buckets of one width over {@code [first, last]}, filled one series at a time with the
   * same arithmetic as the reference (sum in time order from 0.0, Math.min/max, last by time).
   */
  private static final class Buckets {
    private final long interval;
    private final long firstIndex;
    private final int size;
    private final long[] count;
    private final double[] sum;
    private final double[] min;
    private final double[] max;
    private final double[] last;
    private final long[] lastTime;
    private final List<Map<String, Double>> values;

    Buckets(long first, long last, long interval) {
      this.interval = interval;
      this.firstIndex = Math.floorDiv(first, interval);
      this.size = (int) BucketPlan.bucketCount(first, last, interval);
      this.count = new long[size];
      this.sum = new double[size];
      this.min = new double[size];
      this.max = new double[size];
      this.last = new double[size];
      this.lastTime = new long[size];
      this.values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(null);
      }
    }

    void startSeries() {
      java.util.Arrays.fill(count, 0);
      java.util.Arrays.fill(sum, 0.0);
      java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
      java.util.Arrays.fill(lastTime, Long.MIN_VALUE);
    }

    void addPoints(PointBuffer points) {
      for (int i = 0; i < points.size; i++) {
        long t = points.timestamps[i];
        double v = points.values[i];
        int b = (int) (Math.floorDiv(t, interval) - firstIndex);
        count[b]++;
        sum[b] += v;
        min[b] = Math.min(min[b], v);
        max[b] = Math.max(max[b], v);
        if (t >= lastTime[b]) {
          last[b] = v;
          lastTime[b] = t;
        }
      }
    }

    void addCoarse(CoarseBuckets c) {
      for (int i = 0; i < c.size; i++) {
        int b = (int) (Math.floorDiv(c.start[i], interval) - firstIndex);
        count[b] += c.count[i];
        sum[b] += c.sum[i];
        min[b] = Math.min(min[b], c.min[i]);
        max[b] = Math.max(max[b], c.max[i]);
        long t = c.lastTimestamp(i);
        if (t >= lastTime[b]) {
          last[b] = c.last[i];
          lastTime[b] = t;
        }
      }
    }

    void finishSeries(String name, Aggregation aggregation) {
      for (int b = 0; b < size; b++) {
        if (count[b] > 0) {
          Map<String, Double> map = values.get(b);
          if (map == null) {
            map = new HashMap<>();
            values.set(b, map);
          }
          map.put(name, value(b, aggregation));
        }
      }
    }

    private double value(int b, Aggregation aggregation) {
      return switch (aggregation) {
        case AVG -> sum[b] / count[b];
        case MIN -> min[b];
        case MAX -> max[b];
        case LAST -> last[b];
      };
    }

    List<TimePoint> points() {
      List<TimePoint> points = new ArrayList<>();
      for (int b = 0; b < size; b++) {
        Map<String, Double> map = values.get(b);
        if (map != null) {
          points.add(new TimePoint((firstIndex + b) * interval, map));
        }
      }
      return points;
    }
  }
}
