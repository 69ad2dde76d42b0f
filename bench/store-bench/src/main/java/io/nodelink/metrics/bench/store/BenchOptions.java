package io.nodelink.metrics.bench.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: which databases and measurements, and the scale of each.
 *
 * @param databases {@code h2}, {@code postgresql}
 * @param parts {@code footprint}, {@code write}, {@code query}, {@code restart}
 */
record BenchOptions(
    Set<String> databases,
    Set<String> parts,
    int footprintAgents,
    int footprintHours,
    boolean fullPrecision,
    int writeAgents,
    int writeRounds,
    int writeFlushEvery,
    int queryAgents,
    int queryDays,
    int queryRuns,
    int restartAgents,
    int restartFedAgents,
    int restartHours,
    Path workDir,
    int pgPort) {

  static final String USAGE =
      """
      bench/store-bench/run.sh [options]
        --db h2,postgresql          databases to measure (default both)
        --parts footprint,write,query,restart   measurements (default all)
        --footprint-agents 50 --footprint-hours 6   bytes per value: agents x hours at 1 s
        --full-precision            percentages unrounded (worst case) instead of one decimal
        --write-agents 5000 --write-rounds 180      flush cost: agents, seconds of data fed
        --write-flush-every 1       seconds of data per flush (the server flushes every 5 s)
        --query-agents 3 --query-days 90 --query-runs 300   query latency fixture and runs
        --restart-agents 1000 --restart-hours 24    history stored before the restart
        --restart-fed-agents 10     of those fed through the store; the rest are SQL copies
        --work-dir target/store-bench-data --pg-port 38150
        --quick                     a smoke run at a small scale
      """;

  static BenchOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    boolean quick = false;
    boolean fullPrecision = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--full-precision" -> fullPrecision = true;
        case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
        default -> {
          if (!args[i].startsWith("--") || i + 1 >= args.length) {
            throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
          }
          given.put(args[i].substring(2), args[++i]);
        }
      }
    }
    Values v = new Values(given, quick);
    BenchOptions options =
        new BenchOptions(
            v.set("db", "h2,postgresql"),
            v.set("parts", "footprint,write,query,restart"),
            v.integer("footprint-agents", 50, 5),
            v.integer("footprint-hours", 6, 1),
            fullPrecision,
            v.integer("write-agents", 5000, 500),
            v.integer("write-rounds", 180, 40),
            v.integer("write-flush-every", 1, 1),
            v.integer("query-agents", 3, 1),
            v.integer("query-days", 90, 10),
            v.integer("query-runs", 300, 50),
            v.integer("restart-agents", 1000, 50),
            v.integer("restart-fed-agents", 10, 5),
            v.integer("restart-hours", 24, 2),
            Path.of(v.string("work-dir", "target/store-bench-data")),
            v.integer("pg-port", 38150, 38150));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + USAGE);
    }
    return options;
  }

  /** Reads the given values, removing each one it reads, so unknown ones stay behind. */
  private record Values(Map<String, String> given, boolean quick) {
    int integer(String name, int normal, int quickValue) {
      String value = given.remove(name);
      return value != null ? Integer.parseInt(value) : quick ? quickValue : normal;
    }

    String string(String name, String normal) {
      String value = given.remove(name);
      return value != null ? value : normal;
    }

    Set<String> set(String name, String normal) {
      return new LinkedHashSet<>(List.of(string(name, normal).split(",")));
    }
  }
}
