package io.nodelink.metrics.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain, obviously correct history: one sorted map of timestamp to value per series. It is the
 * reference the compact engine is checked against and the baseline of its benchmarks; it is not
 * meant for large fleets (tens of bytes per point).
 */
public final class SimpleHistoryStore implements HistoryStore {

  /** Rough bytes of one TreeMap entry with a boxed Long key and a boxed Double value. */
  private static final long BYTES_PER_POINT = 40 + 16 + 16;

  private final Map<String, AgentSeries> agents = new ConcurrentHashMap<>();
  private final long retentionSeconds;

  /** A store that keeps 30 minutes, the server's default raw retention. */
  public SimpleHistoryStore() {
    this(Duration.ofMinutes(30));
  }

  /** A store that keeps points for {@code retention} before {@link #maintain}'s now. */
  public SimpleHistoryStore(Duration retention) {
    this.retentionSeconds = retention.toSeconds();
  }

  @Override
  public void append(String agentId, String series, long timestampSeconds, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    agents.computeIfAbsent(agentId, id -> new AgentSeries()).put(series, timestampSeconds, value);
  }

  @Override
  public HistoryResult query(String agentId, RangeQuery query) {
    AgentSeries agent = agents.get(agentId);
    Map<String, NavigableMap<Long, Double>> ranges = agent == null ? Map.of() : agent.ranges(query);
    HistoryResult result = Bucketing.answer(ranges, query);
    return query.fromEarliestKept()
        ? result.startingAtEarliestKept(Math.max(0, query.endSeconds() - retentionSeconds))
        : result;
  }

  @Override
  public Set<String> seriesOf(String agentId) {
    AgentSeries agent = agents.get(agentId);
    return agent == null ? Set.of() : agent.names();
  }

  @Override
  public void removeAgent(String agentId) {
    agents.remove(agentId);
  }

  @Override
  public MaintenanceReport maintain(long nowSeconds) {
    long before = sizeBytes();
    long dropped = evictOlderThan(nowSeconds - retentionSeconds);
    return new MaintenanceReport(dropped, 0, before, sizeBytes());
  }

  /**
   * Drops points older than the cutoff.
   *
   * @return how many stored values were dropped
   */
  public long evictOlderThan(long cutoffSeconds) {
    long dropped = 0;
    for (AgentSeries agent : agents.values()) {
      dropped += agent.evictOlderThan(cutoffSeconds);
    }
    return dropped;
  }

  @Override
  public long sizeBytes() {
    return valueCount() * BYTES_PER_POINT;
  }

  @Override
  public long valueCount() {
    long count = 0;
    for (AgentSeries agent : agents.values()) {
      count += agent.valueCount();
    }
    return count;
  }

  /** The series of one agent, guarded by the agent's own lock. */
  private static final class AgentSeries {
    private final Map<String, TreeMap<Long, Double>> series = new HashMap<>();

    synchronized void put(String name, long timestamp, double value) {
      series.computeIfAbsent(name, n -> new TreeMap<>()).put(timestamp, value);
    }

    synchronized Map<String, NavigableMap<Long, Double>> ranges(RangeQuery query) {
      Collection<String> names = query.series().isEmpty() ? series.keySet() : query.series();
      Map<String, NavigableMap<Long, Double>> out = new HashMap<>();
      for (String name : names) {
        TreeMap<Long, Double> points = series.get(name);
        if (points != null) {
          out.put(
              name,
              new TreeMap<>(points.subMap(query.startSeconds(), true, query.endSeconds(), true)));
        }
      }
      return out;
    }

    synchronized Set<String> names() {
      return new TreeSet<>(series.keySet());
    }

    synchronized long evictOlderThan(long cutoff) {
      long dropped = 0;
      for (TreeMap<Long, Double> points : series.values()) {
        NavigableMap<Long, Double> old = points.headMap(cutoff, false);
        dropped += old.size();
        old.clear();
      }
      series.values().removeIf(Map::isEmpty);
      return dropped;
    }

    synchronized long valueCount() {
      long count = 0;
      for (TreeMap<Long, Double> points : series.values()) {
        count += points.size();
      }
      return count;
    }
  }

  /** Turns per-series points in range into the contract's data points. */
  static final class Bucketing {
    private Bucketing() {}

    static HistoryResult answer(Map<String, NavigableMap<Long, Double>> ranges, RangeQuery q) {
      TreeSet<Long> timestamps = new TreeSet<>();
      ranges.values().forEach(points -> timestamps.addAll(points.keySet()));
      if (timestamps.isEmpty()) {
        return new HistoryResult(
            List.of(), q.startSeconds(), q.endSeconds(), q.intervalSeconds(), false);
      }
      if (q.intervalSeconds() == 0 && timestamps.size() <= q.maxPoints()) {
        return new HistoryResult(
            raw(ranges, timestamps), q.startSeconds(), q.endSeconds(), 0, false);
      }
      long interval =
          BucketPlan.widen(
              timestamps.first(), timestamps.last(), q.intervalSeconds(), q.maxPoints());
      return new HistoryResult(
          buckets(ranges, interval, q.aggregation()),
          q.startSeconds(),
          q.endSeconds(),
          interval,
          false);
    }

    private static List<TimePoint> raw(
        Map<String, NavigableMap<Long, Double>> ranges, TreeSet<Long> timestamps) {
      List<TimePoint> points = new ArrayList<>(timestamps.size());
      for (long ts : timestamps) {
        Map<String, Double> values = new HashMap<>();
        ranges.forEach(
            (name, series) -> {
              Double v = series.get(ts);
              if (v != null) {
                values.put(name, v);
              }
            });
        points.add(new TimePoint(ts, values));
      }
      return points;
    }

    private static List<TimePoint> buckets(
        Map<String, NavigableMap<Long, Double>> ranges, long interval, Aggregation agg) {
      TreeMap<Long, Map<String, Accumulator>> byBucket = new TreeMap<>();
      ranges.forEach(
          (name, series) ->
              series.forEach(
                  (ts, v) ->
                      byBucket
                          .computeIfAbsent(
                              BucketPlan.bucketStart(ts, interval), b -> new HashMap<>())
                          .computeIfAbsent(name, n -> new Accumulator())
                          .add(v)));
      List<TimePoint> points = new ArrayList<>(byBucket.size());
      byBucket.forEach(
          (start, accs) -> {
            Map<String, Double> values = new HashMap<>();
            accs.forEach((name, acc) -> values.put(name, acc.value(agg)));
            points.add(new TimePoint(start, values));
          });
      return points;
    }
  }

  /** Running min/max/sum/last of one bucket of one series, fed in timestamp order. */
  private static final class Accumulator {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;
    private double last;
    private long count;

    void add(double v) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      last = v;
      count++;
    }

    double value(Aggregation agg) {
      return switch (agg) {
        case AVG -> sum / count;
        case MIN -> min;
        case MAX -> max;
        case LAST -> last;
      };
    }
  }
}
