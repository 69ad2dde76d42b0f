package io.nodelink.metrics.bench.history;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.history.compact.HistoryStats;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes per stored value: each engine's own estimate ({@code sizeBytes()}) and, for the fleet mix,
 * the heap actually retained (used heap after full GCs, before and after filling the store).
 */
final class Footprint {

  /** One line of the report. */
  record Row(String what, long values, double compactEstimate, double simpleEstimate) {}

  /** Fleet mix figures, measured on the heap as well. */
  record Mix(
      long values,
      double compactEstimate,
      double compactHeap,
      double simpleEstimate,
      double simpleHeap) {}

  /** 24 h steady state of the compact store. */
  record Day(long series, HistoryStats stats, double bytesPerSeries) {}

  private static final int RAW_TICKS = 1800;

  private Footprint() {}

  /** 30 min of 1 s data (the raw retention) for 50 series of each kind. */
  static List<Row> perKind() {
    List<Row> rows = new ArrayList<>();
    for (SeriesKind kind : SeriesKind.values()) {
      Map<String, SeriesKind> series = new LinkedHashMap<>();
      for (int i = 0; i < 50; i++) {
        series.put("s" + i, kind);
      }
      HistoryStore compact = Stores.create(Stores.COMPACT);
      HistoryStore simple = Stores.create(Stores.SIMPLE);
      fill(series, 1, compact, simple);
      rows.add(
          new Row(
              kind.name().toLowerCase(Locale.ROOT),
              compact.valueCount(),
              (double) compact.sizeBytes() / compact.valueCount(),
              (double) simple.sizeBytes() / simple.valueCount()));
    }
    return rows;
  }

  /** 20 agents × 30 host series × 30 min, with heap measurements. */
  static Mix fleetMix() {
    long before = usedHeapAfterGc();
    HistoryStore compact = Stores.create(Stores.COMPACT);
    fill(HostMetrics.agentSeries(), 20, compact);
    long compactHeap = usedHeapAfterGc() - before;
    before = usedHeapAfterGc();
    HistoryStore simple = new SimpleHistoryStore();
    fill(HostMetrics.agentSeries(), 20, simple);
    long simpleHeap = usedHeapAfterGc() - before;
    long values = compact.valueCount();
    Mix mix =
        new Mix(
            values,
            (double) compact.sizeBytes() / values,
            (double) compactHeap / values,
            (double) simple.sizeBytes() / simple.valueCount(),
            (double) simpleHeap / simple.valueCount());
    // Keep both stores reachable until both were measured.
    if (compact.valueCount() + simple.valueCount() < 0) {
      throw new AssertionError();
    }
    return mix;
  }

  /**
   * The fleet mix with every percentage at full double precision (100.0 * busy / total, as an agent
   * that does not round sends it): estimate only.
   */
  static double fleetMixFullPrecision() {
    Map<String, SeriesKind> series = new LinkedHashMap<>();
    HostMetrics.agentSeries()
        .forEach(
            (name, kind) ->
                series.put(
                    name,
                    kind == SeriesKind.PERCENT_ONE_DECIMAL
                        ? SeriesKind.PERCENT_FULL_PRECISION
                        : kind));
    HistoryStore compact = Stores.create(Stores.COMPACT);
    fill(series, 20, compact);
    return (double) compact.sizeBytes() / compact.valueCount();
  }

  /** 5 agents × 30 series × 24 h, maintained every 5 min: 30 min raw + 1 min buckets. */
  static Day day() {
    CompactHistoryStore store =
        new CompactHistoryStore(HistorySettings.defaults().withMemoryBudgetBytes(0));
    List<HostMetrics> hosts = new ArrayList<>();
    for (int a = 0; a < 5; a++) {
      hosts.add(new HostMetrics(HostMetrics.agentSeries(), 100 + a, Stores.T0));
    }
    long now = Stores.T0;
    long nextMaintenance = Stores.T0 + 300;
    while (now < Stores.T0 + 86_400) {
      for (int a = 0; a < hosts.size(); a++) {
        HostMetrics host = hosts.get(a);
        now = host.next();
        for (int s = 0; s < host.names().length; s++) {
          store.append("agent-" + a, host.names()[s], now, host.value(s));
        }
      }
      if (now >= nextMaintenance) {
        store.maintain(now);
        nextMaintenance = now + 300;
      }
    }
    store.maintain(now);
    HistoryStats stats = store.stats();
    return new Day(stats.series(), stats, (double) stats.bytes() / stats.series());
  }

  static void print(PrintStream out, List<Row> rows, Mix mix, double fullPrecision, Day day) {
    out.println();
    out.println("== Bytes per stored value: 30 min of 1 s data (the raw retention) ==");
    out.printf("%-24s %10s %14s %14s%n", "series kind", "values", "compact B/val", "simple B/val");
    for (Row r : rows) {
      out.printf(
          "%-24s %10d %14.2f %14.2f%n",
          r.what(), r.values(), r.compactEstimate(), r.simpleEstimate());
    }
    out.printf(
        "%-24s %10d %14.2f %14.2f   (estimate: sizeBytes()/valueCount())%n",
        "fleet mix (20 agents)", mix.values(), mix.compactEstimate(), mix.simpleEstimate());
    out.printf(
        "%-24s %10d %14.2f %14.2f   (measured: retained heap after GC)%n",
        "fleet mix (20 agents)", mix.values(), mix.compactHeap(), mix.simpleHeap());
    out.printf(
        "%-24s %10d %14.2f %14.2f   (estimate, percentages at full double precision)%n",
        "fleet mix, full-prec. %", mix.values(), fullPrecision, 72.0);
    out.println();
    out.println(
        "== Compact store after 24 h of 1 s data (5 agents x 30 series, maintain every 5 min) ==");
    out.printf(
        "series %d, raw values %d, coarse buckets %d, bytes %d, per series %.0f B"
            + " (SimpleHistoryStore would need %d B per series for 24 h raw)%n",
        day.series(),
        day.stats().rawValues(),
        day.stats().coarseBuckets(),
        day.stats().bytes(),
        day.bytesPerSeries(),
        86_400L * 72);
  }

  private static void fill(Map<String, SeriesKind> series, int agents, HistoryStore... stores) {
    for (int a = 0; a < agents; a++) {
      HostMetrics host = new HostMetrics(series, 1000 + a, Stores.T0);
      for (int t = 0; t < RAW_TICKS; t++) {
        long now = host.next();
        for (int s = 0; s < host.names().length; s++) {
          for (HistoryStore store : stores) {
            store.append("agent-" + a, host.names()[s], now, host.value(s));
          }
        }
      }
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
