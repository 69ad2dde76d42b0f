package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.history.TimePoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A slow, obvious model of the tiered store for one agent: per series a map of raw points and the
 * list of points that left the raw tier (in the order they left), from which coarse buckets and
 * query answers are computed directly.
 */
final class TieredReference {

  private record Point(long timestamp, double value) {}

  private final long width;
  private final Map<String, TreeMap<Long, Double>> raw = new TreeMap<>();
  private final Map<String, List<Point>> coarse = new TreeMap<>();

  TieredReference(long width) {
    this.width = width;
  }

  void append(String series, long timestamp, double value) {
    if (!Double.isNaN(value)) {
      raw.computeIfAbsent(series, s -> new TreeMap<>()).put(timestamp, value);
    }
  }

  void maintain(long rawCutoff, long coarseCutoff) {
    raw.forEach(
        (name, points) -> {
          Map<Long, Double> old = points.headMap(rawCutoff, false);
          List<Point> moved = coarse.computeIfAbsent(name, n -> new ArrayList<>());
          old.forEach((t, v) -> moved.add(new Point(t, v)));
          old.clear();
        });
    coarse.forEach(
        (name, points) -> {
          Map<Long, Long> newestOfBucket = new HashMap<>();
          for (Point p : points) {
            newestOfBucket.merge(bucket(p.timestamp()), p.timestamp(), Math::max);
          }
          points.removeIf(p -> newestOfBucket.get(bucket(p.timestamp())) < coarseCutoff);
        });
  }

  long rawCount() {
    return raw.values().stream().mapToLong(Map::size).sum();
  }

  /** Whether any coarse bucket of the queried series overlaps the query's range. */
  boolean usesCoarse(RangeQuery q) {
    for (String name : names(q)) {
      for (Bucket b : coarseBuckets(name).values()) {
        if (b.newest >= q.startSeconds() && b.oldest <= q.endSeconds()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The raw-only answer: what the reference store gives for the raw points. */
  HistoryResult rawAnswer(RangeQuery q) {
    SimpleHistoryStore simple = new SimpleHistoryStore();
    raw.forEach((name, points) -> points.forEach((t, v) -> simple.append("a", name, t, v)));
    return simple.query("a", q);
  }

  /** The interval a query that reaches the coarse tier must use. */
  long coarseInterval(RangeQuery q) {
    long[] span = span(q);
    long interval = Math.max(width, -Math.floorDiv(-q.intervalSeconds(), width) * width);
    while (Math.floorDiv(span[1], interval) - Math.floorDiv(span[0], interval) + 1
        > q.maxPoints()) {
      interval += width;
    }
    return interval;
  }

  /** Bucket start to series to {count, sum, min, max, last} for a coarse-tier answer. */
  TreeMap<Long, Map<String, double[]>> coarseAnswer(RangeQuery q, long interval) {
    TreeMap<Long, Map<String, double[]>> out = new TreeMap<>();
    for (String name : names(q)) {
      Map<Long, double[]> acc = new HashMap<>();
      Map<Long, Long> lastTime = new HashMap<>();
      for (Point p : includedCoarsePoints(name, q)) {
        add(acc, lastTime, interval, p);
      }
      TreeMap<Long, Double> points = raw.getOrDefault(name, new TreeMap<>());
      points
          .subMap(q.startSeconds(), true, q.endSeconds(), true)
          .forEach((t, v) -> add(acc, lastTime, interval, new Point(t, v)));
      acc.forEach((b, a) -> out.computeIfAbsent(b, k -> new HashMap<>()).put(name, a));
    }
    return out;
  }

  static double value(double[] acc, Aggregation aggregation) {
    return switch (aggregation) {
      case AVG -> acc[1] / acc[0];
      case MIN -> acc[2];
      case MAX -> acc[3];
      case LAST -> acc[4];
    };
  }

  static Map<Long, Map<String, Double>> byTime(List<TimePoint> points) {
    Map<Long, Map<String, Double>> out = new TreeMap<>();
    points.forEach(p -> out.put(p.timestampSeconds(), p.values()));
    return out;
  }

  private void add(Map<Long, double[]> acc, Map<Long, Long> lastTime, long interval, Point p) {
    long b = Math.floorDiv(p.timestamp(), interval) * interval;
    double[] a =
        acc.computeIfAbsent(
            b, k -> new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
    a[0]++;
    a[1] += p.value();
    a[2] = Math.min(a[2], p.value());
    a[3] = Math.max(a[3], p.value());
    if (p.timestamp() >= lastTime.getOrDefault(b, Long.MIN_VALUE)) {
      a[4] = p.value();
      lastTime.put(b, p.timestamp());
    }
  }

  private List<Point> includedCoarsePoints(String name, RangeQuery q) {
    Map<Long, Bucket> buckets = coarseBuckets(name);
    List<Point> out = new ArrayList<>();
    for (Point p : coarse.getOrDefault(name, List.of())) {
      Bucket b = buckets.get(bucket(p.timestamp()));
      if (b.newest >= q.startSeconds() && b.oldest <= q.endSeconds()) {
        out.add(p);
      }
    }
    return out;
  }

  private long[] span(RangeQuery q) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (String name : names(q)) {
      for (Point p : includedCoarsePoints(name, q)) {
        first = Math.min(first, p.timestamp());
        last = Math.max(last, p.timestamp());
      }
      TreeMap<Long, Double> points = raw.getOrDefault(name, new TreeMap<>());
      Map<Long, Double> in = points.subMap(q.startSeconds(), true, q.endSeconds(), true);
      for (long t : in.keySet()) {
        first = Math.min(first, t);
        last = Math.max(last, t);
      }
    }
    return new long[] {first, last};
  }

  private Collection<String> names(RangeQuery q) {
    if (!q.series().isEmpty()) {
      return q.series();
    }
    List<String> all = new ArrayList<>(raw.keySet());
    coarse.keySet().stream().filter(n -> !raw.containsKey(n)).forEach(all::add);
    return all;
  }

  private record Bucket(long oldest, long newest) {}

  private Map<Long, Bucket> coarseBuckets(String name) {
    Map<Long, Bucket> out = new HashMap<>();
    for (Point p : coarse.getOrDefault(name, List.of())) {
      out.merge(
          bucket(p.timestamp()),
          new Bucket(p.timestamp(), p.timestamp()),
          (a, b) -> new Bucket(Math.min(a.oldest, b.oldest), Math.max(a.newest, b.newest)));
    }
    return out;
  }

  private long bucket(long t) {
    return Math.floorDiv(t, width) * width;
  }
}
