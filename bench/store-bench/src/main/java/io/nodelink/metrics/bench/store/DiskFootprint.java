package io.nodelink.metrics.bench.store;

import io.nodelink.metrics.history.durable.DurableHistoryStore;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes per stored value on disk: a fleet's hours of 1 s data written through the store, then the
 * database's size over the raw values stored, with the coarse tiers as written (one small chunk per
 * window), after maintenance merged them (the steady state), and without them (raw alone).
 */
final class DiskFootprint {

  /** Bytes on disk, compacted, at each stage. */
  record Result(
      long values,
      long asWritten,
      long stopped,
      long coarseUnmerged,
      long coarseMerged,
      long rawOnly) {

    double perValue(long bytes) {
      return (double) bytes / values;
    }
  }

  private DiskFootprint() {}

  static Result run(Database db, BenchOptions options, PrintStream out) throws SQLException {
    return run(db, options, out, BenchStores.MIDNIGHT);
  }

  /** The same, with the fleet's first second after {@code start} (epoch seconds). */
  static Result run(Database db, BenchOptions options, PrintStream out, long start)
      throws SQLException {
    Fleet fleet = new Fleet("host", options.footprintAgents(), options.fullPrecision(), 0);
    long end = start + options.footprintHours() * 3600L;
    BenchClock clock = new BenchClock(start);
    out.printf(
        "feeding %d agents x %d series x %d h at 1 s (flush every 5 s, maintenance every 5 min)%s;"
            + " %s%n",
        fleet.size(),
        fleet.seriesPerAgent(),
        options.footprintHours(),
        options.fullPrecision() ? ", percentages at full precision" : "",
        Machine.loadLine());
    long started = System.nanoTime();
    DurableHistoryStore store = BenchStores.open(db, clock);
    Feeder feeder = new Feeder(store, clock, fleet);
    long values = feeder.feed(start, end, 1, 5, 300);
    feeder.sealAndFlush(end, BenchStores.WINDOW);
    store.close();
    out.printf(
        "  %,d values fed in %.1f s; tail records left: %d%n",
        values, (System.nanoTime() - started) / 1e9, store.status().tailRecords());

    printSeries(db, out);
    long asWritten = db.bytesAsWritten();
    printTables(db, out);
    long stopped = db.bytesAfterStop();
    printTiers(db, values, out, "as written");
    long unmerged = db.bytesCompacted();
    printTables(db, out);

    clock.set(end + 2 * BenchStores.DAY);
    DurableHistoryStore reopened = BenchStores.open(db, clock);
    for (int i = 0; i < 3; i++) {
      reopened.maintain(clock.seconds());
    }
    reopened.close();
    printTiers(
        db, values, out, "after maintenance merged the chunks (raw per 6 h, coarse per day)");
    long merged = db.bytesCompacted();
    printTables(db, out);

    db.execute("DELETE FROM nl_history_chunk WHERE tier > 0");
    long rawOnly = db.bytesCompacted();
    Result result = new Result(values, asWritten, stopped, unmerged, merged, rawOnly);
    out.println("  " + db.compactionNote());
    out.printf(
        "  bytes/value: as written %.3f, stopped %.3f (%,d bytes); compacted: total %.3f (coarse"
            + " unmerged), total %.3f (merged), raw tier alone (merged) %.3f (%,d bytes)%n",
        result.perValue(asWritten),
        result.perValue(stopped),
        stopped,
        result.perValue(unmerged),
        result.perValue(merged),
        result.perValue(rawOnly),
        rawOnly);
    return result;
  }

  private static void printTiers(Database db, long values, PrintStream out, String when)
      throws SQLException {
    out.println("  chunks " + when + ":");
    for (Map.Entry<String, BenchStores.TierStats> e : BenchStores.tiers(db).entrySet()) {
      BenchStores.TierStats s = e.getValue();
      out.printf(
          "    %-9s %,10d chunks, payload %,13d bytes = %.3f B/raw value, %.0f B/chunk%n",
          e.getKey(),
          s.chunks(),
          s.payloadBytes(),
          (double) s.payloadBytes() / values,
          (double) s.payloadBytes() / Math.max(1, s.chunks()));
    }
  }

  /** Where the raw tier's bytes go: compressed bytes per value of each series, largest first. */
  private static void printSeries(Database db, PrintStream out) throws SQLException {
    StringBuilder line = new StringBuilder("  raw payload B/value by series:");
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT s.name, SUM(OCTET_LENGTH(c.data)) * 1.0 / SUM(c.point_count) AS b"
                    + " FROM nl_history_chunk c JOIN nl_history_series s ON s.id = c.series_id"
                    + " WHERE c.tier = 0 GROUP BY s.name ORDER BY b DESC")) {
      while (rows.next()) {
        line.append(String.format(Locale.ROOT, " %s %.2f;", rows.getString(1), rows.getDouble(2)));
      }
    }
    out.println(line);
  }

  private static void printTables(Database db, PrintStream out) throws SQLException {
    Map<String, Long> tables = db.bytesByTable();
    if (!tables.isEmpty()) {
      StringBuilder line = new StringBuilder("    on disk:");
      tables.forEach((t, b) -> line.append(String.format(" %s %,d", t, b)));
      out.println(line);
    }
  }
}
