package io.nodelink.metrics.bench.store;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.durable.DurableHistoryStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Query latency on a store holding months of history for a few agents: 3 series over 7 days and
 * over the whole span, at most 300 points, after maintenance merged the coarse chunks. The older
 * history is fed at coarser steps (the coarse tiers hold one bucket per minute either way; only the
 * raw tier, kept 14 days, holds fewer points there).
 */
final class QueryLatency {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  static final Set<String> QUERIED =
      Set.of("cpu.usage_percent", "memory.usage_percent", "load.load1");

  /** Percentiles in milliseconds of one query shape. */
  record Latency(
      long rangeSeconds, double p50, double p99, double max, double cpuP50, double cpuP99) {}

  /** The 7-day and the whole-span figures. */
  record Result(Latency week, Latency all) {}

  private QueryLatency() {}

  static Result run(Database db, BenchOptions options, PrintStream out) throws SQLException {
    long days = options.queryDays();
    long end = BenchStores.MIDNIGHT + days * BenchStores.DAY + 13 * 3600 + 295;
    long start = end - days * BenchStores.DAY;
    Fleet fleet = new Fleet("host", options.queryAgents(), false, start);
    BenchClock clock = new BenchClock(start);
    out.printf(
        "feeding %d agents x %d series: %d days, the oldest at 60 s steps, the last 7 days but"
            + " one at 10 s, the last day at 1 s; %s%n",
        fleet.size(), fleet.seriesPerAgent(), days, Machine.loadLine());
    long started = System.nanoTime();
    DurableHistoryStore store = BenchStores.open(db, clock);
    Feeder feeder = new Feeder(store, clock, fleet);
    long weekAgo = Math.max(start, end - 7 * BenchStores.DAY);
    long dayAgo = end - BenchStores.DAY;
    feeder.feed(start, alignDown(weekAgo, 60), 60, 600, 6 * 3600);
    feeder.feed(alignDown(weekAgo, 60), alignDown(dayAgo, 60), 10, 600, 3600);
    long values = feeder.feed(alignDown(dayAgo, 60), end, 1, 5, 300);
    for (int i = 0; i < 3; i++) {
      store.maintain(end);
    }
    out.printf(
        "  %,d values fed in %.1f s; chunks per tier: %s%n",
        values, (System.nanoTime() - started) / 1e9, BenchStores.tiers(db));
    printPlan(db, out, end);
    Latency week = measure(store, fleet, end, 7 * BenchStores.DAY, options.queryRuns(), out);
    Latency all = measure(store, fleet, end, days * BenchStores.DAY, options.queryRuns(), out);
    store.close();
    return new Result(week, all);
  }

  private static long alignDown(long t, long step) {
    return Math.floorDiv(t, step) * step;
  }

  private static Latency measure(
      DurableHistoryStore store, Fleet fleet, long end, long range, int runs, PrintStream out) {
    RangeQuery query = new RangeQuery(QUERIED, end - range, end, 0, 300, Aggregation.AVG);
    // Warm-up: the decoders are compiled by C2 only after some hundreds of queries.
    for (int i = 0; i < Math.max(100, runs / 2); i++) {
      store.query(fleet.agentId(i % fleet.size()), query);
    }
    Histogram wall = new Histogram(60_000_000_000L, 3);
    Histogram cpu = new Histogram(60_000_000_000L, 3);
    HistoryResult last = null;
    for (int i = 0; i < runs; i++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long w = System.nanoTime();
      last = store.query(fleet.agentId(i % fleet.size()), query);
      wall.recordValue(System.nanoTime() - w);
      cpu.recordValue(THREADS.getCurrentThreadCpuTime() - c);
    }
    Latency latency =
        new Latency(
            range,
            wall.getValueAtPercentile(50) / 1e6,
            wall.getValueAtPercentile(99) / 1e6,
            wall.getMaxValue() / 1e6,
            cpu.getValueAtPercentile(50) / 1e6,
            cpu.getValueAtPercentile(99) / 1e6);
    out.printf(
        "  %3d days -> %d points (interval %d s): wall ms p50 %.2f, p99 %.2f, max %.2f; CPU ms"
            + " p50 %.2f, p99 %.2f; %d runs%n",
        range / BenchStores.DAY,
        last.points().size(),
        last.intervalSeconds(),
        latency.p50(),
        latency.p99(),
        latency.max(),
        latency.cpuP50(),
        latency.cpuP99(),
        runs);
    return latency;
  }

  /** How the database finds one series' minute chunks (the query's main read). */
  private static void printPlan(Database db, PrintStream out, long end) throws SQLException {
    String select =
        "SELECT first_ts, last_ts, point_count, data FROM nl_history_chunk WHERE series_id = 1"
            + " AND tier = 1 AND first_ts >= "
            + (end - 8 * BenchStores.DAY)
            + " AND first_ts <= "
            + end
            + " AND last_ts >= "
            + (end - 7 * BenchStores.DAY)
            + " ORDER BY seq";
    String explain = db.kind().equals("H2") ? "EXPLAIN " : "EXPLAIN ANALYZE ";
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(explain + select)) {
      out.println("  plan of a minute-chunk read:");
      while (rows.next()) {
        out.println("    " + rows.getString(1).replace("\n", "\n    "));
      }
    }
  }
}
