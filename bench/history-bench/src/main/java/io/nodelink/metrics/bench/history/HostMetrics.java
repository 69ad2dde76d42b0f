package io.nodelink.metrics.bench.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The series one agent reports, with names as the server makes them, and a generator of their
 * values second by second (1 s timestamps with occasional skipped seconds and rare gaps). Public
 * for the durable-store benchmark, which feeds the same hosts to a database.
 */
public final class HostMetrics {

  /** The series of one agent and their kinds, in the server's naming. */
  public static Map<String, SeriesKind> agentSeries() {
    Map<String, SeriesKind> series = new LinkedHashMap<>();
    for (String f : List.of("usage", "user", "system", "idle", "iowait")) {
      series.put("cpu." + f + "_percent", SeriesKind.PERCENT_ONE_DECIMAL);
    }
    for (int core = 0; core < 4; core++) {
      series.put("cpu.core" + core + ".usage_percent", SeriesKind.PERCENT_ONE_DECIMAL);
    }
    series.put("cpu.temperature_celsius", SeriesKind.ZERO);
    series.put("memory.usage_percent", SeriesKind.PERCENT_ONE_DECIMAL);
    series.put("memory.total_bytes", SeriesKind.CONSTANT);
    series.put("memory.used_bytes", SeriesKind.BYTES_SLOW);
    series.put("memory.available_bytes", SeriesKind.BYTES_SLOW);
    series.put("memory.swap_usage_percent", SeriesKind.ZERO);
    series.put("load.load1", SeriesKind.LOAD_TWO_DECIMALS);
    series.put("load.load5", SeriesKind.LOAD_TWO_DECIMALS);
    series.put("load.load15", SeriesKind.LOAD_TWO_DECIMALS);
    series.put("disk.usage_percent", SeriesKind.PERCENT_ONE_DECIMAL);
    series.put("disk.sda1.usage_percent", SeriesKind.PERCENT_ONE_DECIMAL);
    series.put("processes.total", SeriesKind.COUNT);
    series.put("processes.running", SeriesKind.COUNT);
    series.put("processes.sleeping", SeriesKind.COUNT);
    series.put("processes.zombie", SeriesKind.ZERO);
    series.put("disk.read_bytes_per_sec", SeriesKind.RATE_MOSTLY_ZERO);
    series.put("disk.write_bytes_per_sec", SeriesKind.RATE_MOSTLY_ZERO);
    series.put("network.bytes_sent_per_sec", SeriesKind.RATE);
    series.put("network.bytes_recv_per_sec", SeriesKind.RATE);
    series.put("network.eth0.bytes_sent_per_sec", SeriesKind.RATE);
    series.put("network.eth0.bytes_recv_per_sec", SeriesKind.RATE);
    return series;
  }

  private final String[] names;
  private final SeriesKind[] kinds;
  private final double[] current;
  private final Random random;
  private long timestamp;

  public HostMetrics(Map<String, SeriesKind> series, long seed, long startSeconds) {
    this.names = series.keySet().toArray(String[]::new);
    this.kinds = series.values().toArray(SeriesKind[]::new);
    this.random = new Random(seed);
    this.current = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      current[i] = kinds[i].start(random);
    }
    this.timestamp = startSeconds;
  }

  public String[] names() {
    return names;
  }

  SeriesKind kind(int series) {
    return kinds[series];
  }

  /** Moves to the next snapshot; returns its timestamp. Values are in {@link #value(int)}. */
  public long next() {
    int dice = random.nextInt(10_000);
    timestamp += dice < 100 ? 2 : dice < 102 ? 30 + random.nextInt(270) : 1;
    for (int i = 0; i < names.length; i++) {
      current[i] = kinds[i].next(current[i], random);
    }
    return timestamp;
  }

  public double value(int series) {
    return current[series];
  }

  /** {@code ticks} snapshots as columns: timestamps and values[series][tick]. */
  static Recorded record(Map<String, SeriesKind> series, long seed, long start, int ticks) {
    HostMetrics host = new HostMetrics(series, seed, start);
    long[] timestamps = new long[ticks];
    double[][] values = new double[series.size()][ticks];
    for (int t = 0; t < ticks; t++) {
      timestamps[t] = host.next();
      for (int s = 0; s < values.length; s++) {
        values[s][t] = host.value(s);
      }
    }
    return new Recorded(host.names(), timestamps, values);
  }

  /** Pre-generated snapshots. */
  record Recorded(String[] names, long[] timestamps, double[][] values) {
    List<String> nameList() {
      return new ArrayList<>(List.of(names));
    }
  }
}
