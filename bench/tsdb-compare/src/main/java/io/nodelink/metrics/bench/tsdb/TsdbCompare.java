package io.nodelink.metrics.bench.tsdb;

import io.nodelink.metrics.bench.store.Fleet;
import io.nodelink.metrics.bench.store.H2Footprint;
import io.nodelink.metrics.bench.store.Machine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores one synthetic fleet in the durable history store (H2, as the server ships) and pushes it
 * by remote-write, through the server's own sender, to Prometheus and VictoriaMetrics; prints bytes
 * per sample on disk side by side and the push's throughput per second and per CPU-second.
 */
public final class TsdbCompare {

  /** Chunk windows of the store are 10 min: the fleet starts on one, as store-bench's does. */
  private static final long ALIGNMENT = 600;

  /** Held, so that the levels set stay set (the log manager keeps loggers weakly). */
  private static final List<Logger> QUIETED =
      List.of(Logger.getLogger("io.nodelink.metrics.history"), Logger.getLogger("org.flywaydb"));

  private TsdbCompare() {}

  public static void main(String[] args) throws Exception {
    CompareOptions options;
    try {
      options = CompareOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // The store logs each open and maintenance pass at INFO; the benchmark prints its own lines.
    QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    PrintStream out = System.out;
    String machine = Machine.describe();
    String loadBefore = Machine.loadAverage();
    out.println("machine: " + machine + ", load average " + loadBefore);
    long now = System.currentTimeMillis() / 1000;
    long start = Math.floorDiv(now - options.hours() * 3600L, ALIGNMENT) * ALIGNMENT;
    out.printf(
        Locale.ROOT,
        "fleet: %d agents x %d series x %d h at 1 s, seconds %d..%d (ending %d s ago)%n",
        options.agents(),
        new Fleet("host", 1, false, 0).seriesPerAgent(),
        options.hours(),
        start + 1,
        start + options.hours() * 3600L,
        now - start - options.hours() * 3600L);
    Path work = options.workDir().toAbsolutePath();
    Directories.delete(work);
    ResultTable table = new ResultTable();
    if (options.stores().contains("prometheus") || options.stores().contains("victoriametrics")) {
      out.println(
          "warming the remote-write sender up (5 min of 100 hosts to a discarding receiver)");
      new RemoteWritePush(options).warmUp(start);
    }
    for (String store : options.stores()) {
      switch (store) {
        case "nodelink" -> storeInH2(options, work.resolve("nodelink"), start, table, out);
        case "prometheus" ->
            pushTo(
                PrometheusTsdb.start(work.resolve("prometheus"), options.prometheusPort()),
                options,
                start,
                table,
                out);
        case "victoriametrics" ->
            pushTo(
                VictoriaMetricsTsdb.start(
                    work.resolve("victoriametrics"), options.victoriaMetricsPort()),
                options,
                start,
                table,
                out);
        default -> throw new IllegalArgumentException("unknown store " + store);
      }
    }
    String header =
        String.format(
            "%s; load average before %s, after %s", machine, loadBefore, Machine.loadAverage());
    out.println();
    out.println(header);
    table.print(out);
    if (options.out() != null) {
      table.writeTsv(options.out(), header);
      out.println("written to " + options.out());
    }
    if (!options.keepData()) {
      Directories.delete(work);
    }
  }

  private static void storeInH2(
      CompareOptions options, Path dir, long start, ResultTable table, PrintStream out)
      throws Exception {
    out.println();
    out.println("== NodeLink durable store (H2 file database) ==");
    H2Footprint.Figures f = H2Footprint.measure(dir, options.agents(), options.hours(), start, out);
    String store = "NodeLink (H2)";
    table.add(row(store, "raw tier after maintenance, compacted", f.values(), f.rawTierBytes()));
    table.add(row(store, "all tiers after maintenance, compacted", f.values(), f.allTiersBytes()));
    table.add(row(store, "as a stopped server leaves it", f.values(), f.stoppedBytes()));
  }

  private static void pushTo(
      Tsdb tsdb, CompareOptions options, long start, ResultTable table, PrintStream out) {
    try (tsdb) {
      String name = tsdb.name();
      out.println();
      out.println("== " + name + ": remote-write ==");
      FleetSamples fleet = new FleetSamples(new Fleet("host", options.agents(), false, 0));
      out.println("pushing; load average " + Machine.loadAverage());
      RemoteWritePush.Result push = new RemoteWritePush(options).push(tsdb, fleet, start);
      long ingested = tsdb.samplesIngested();
      out.printf(
          Locale.ROOT,
          "  %,d samples queued, %,d delivered, %,d dropped, %,d ingested by the TSDB, in %.1f s;"
              + " sender CPU %.1f s, receiver CPU %.1f s; load average %s%n",
          push.samples(),
          push.delivered(),
          push.dropped(),
          ingested,
          push.wallNanos() / 1e9,
          push.senderCpuNanos() / 1e9,
          push.receiverCpuNanos() / 1e9,
          Machine.loadAverage());
      List<Tsdb.Footprint> footprints = tsdb.footprints();
      for (int i = 0; i < footprints.size(); i++) {
        Tsdb.Footprint f = footprints.get(i);
        out.printf(Locale.ROOT, "  %s: %,d bytes%n", f.stage(), f.bytes());
        table.add(
            i == 0
                ? new ResultTable.Row(
                    name,
                    f.stage(),
                    push.delivered(),
                    f.bytes(),
                    push.samplesPerSecond(),
                    push.samplesPerSenderCpuSecond(),
                    push.samplesPerReceiverCpuSecond())
                : row(name, f.stage(), push.delivered(), f.bytes()));
      }
    }
  }

  private static ResultTable.Row row(String store, String stage, long samples, long bytes) {
    return new ResultTable.Row(store, stage, samples, bytes, Double.NaN, Double.NaN, Double.NaN);
  }
}
