package io.nodelink.metrics.bench.tsdb;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line.
 *
 * @param stores {@code nodelink}, {@code prometheus}, {@code victoriametrics}, in the run's order
 * @param agents hosts of the fleet (40 series each)
 * @param hours hours of 1 s data, ending before the run starts
 * @param batchSamples remote-write samples per request at most (the server's default)
 * @param queueSamples remote-write queue (the server's default)
 * @param workDir scratch data of every store, deleted at the end unless {@code keepData}
 * @param out a TSV file of the table, or null
 */
record CompareOptions(
    Set<String> stores,
    int agents,
    int hours,
    int batchSamples,
    int queueSamples,
    int prometheusPort,
    int victoriaMetricsPort,
    Path workDir,
    boolean keepData,
    Path out) {

  static final String USAGE =
      """
      bench/tsdb-compare/run.sh [options]
        --stores nodelink,prometheus,victoriametrics   stores to fill (default all, in this order)
        --agents 1000 --hours 1     the fleet: agents x 40 series x hours at 1 s, ending now
        --batch 2000 --queue 200000 remote-write samples per request and queue (server defaults)
        --prometheus-port 48200 --victoria-metrics-port 48201   loopback ports of the TSDBs
        --work-dir target/tsdb-compare-data   scratch data (deleted at the end)
        --keep-data                 leave the scratch data for a look
        --out results.tsv           also write the table as TSV
      """;

  static CompareOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--keep-data" -> keep = true;
        case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
        default -> {
          if (!args[i].startsWith("--") || i + 1 >= args.length) {
            throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
          }
          given.put(args[i].substring(2), args[++i]);
        }
      }
    }
    String out = given.remove("out");
    CompareOptions options =
        new CompareOptions(
            new LinkedHashSet<>(
                List.of(text(given, "stores", "nodelink,prometheus,victoriametrics").split(","))),
            number(given, "agents", 1000),
            number(given, "hours", 1),
            number(given, "batch", 2000),
            number(given, "queue", 200_000),
            number(given, "prometheus-port", 48200),
            number(given, "victoria-metrics-port", 48201),
            Path.of(text(given, "work-dir", "target/tsdb-compare-data")),
            keep,
            out == null ? null : Path.of(out));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + USAGE);
    }
    for (String store : options.stores()) {
      if (!List.of("nodelink", "prometheus", "victoriametrics").contains(store)) {
        throw new IllegalArgumentException("unknown store " + store + "\n" + USAGE);
      }
    }
    return options;
  }

  private static String text(Map<String, String> given, String name, String normal) {
    String value = given.remove(name);
    return value != null ? value : normal;
  }

  private static int number(Map<String, String> given, String name, int normal) {
    int value = Integer.parseInt(text(given, name, Integer.toString(normal)).replace("_", ""));
    if (value < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return value;
  }
}
