package io.nodelink.metrics.bench.history;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the footprint report and the JMH benchmarks, then prints one summary table with the goals of
 * issue 4 (≤ 2 B/value, ≥ 5 M values/s on one core, p99 &lt; 5 ms for 24 h → 300 points).
 */
public final class HistoryBench {

  private HistoryBench() {}

  /** {@code --quick} for a smoke run; {@code --no-jmh} for the footprint only. */
  public static void main(String[] args) throws RunnerException {
    boolean quick = List.of(args).contains("--quick");
    boolean jmh = !List.of(args).contains("--no-jmh");
    PrintStream out = System.out;
    List<Footprint.Row> rows = Footprint.perKind();
    Footprint.Mix mix = Footprint.fleetMix();
    double fullPrecision = Footprint.fleetMixFullPrecision();
    Footprint.Day day = Footprint.day();
    Footprint.print(out, rows, mix, fullPrecision, day);
    CpuFigures cpu = cpuFigures(quick);
    if (!jmh) {
      cpu.print(out);
      return;
    }
    Collection<RunResult> results = new Runner(options(quick).build()).run();
    summary(out, mix, results, quick);
    cpu.print(out);
  }

  /** The CPU-time cross-check, measured before JMH starts its forks. */
  private record CpuFigures(
      CpuTimeCheck.Throughput compactAppend,
      CpuTimeCheck.Throughput simpleAppend,
      CpuTimeCheck.Latency compactDay,
      CpuTimeCheck.Latency simpleDay,
      CpuTimeCheck.Latency compactRaw,
      CpuTimeCheck.Latency simpleRaw) {

    void print(PrintStream out) {
      out.println();
      out.println("== Cross-check by thread CPU time (immune to other jobs on the machine) ==");
      out.printf("%-44s %10s %10s%n", "metric", "compact", "simple");
      out.printf(
          "%-44s %10s %10s%n",
          "append, M values/CPU-s (median of rounds)",
          fmt(compactAppend.median() / 1e6),
          fmt(simpleAppend.median() / 1e6));
      out.printf(
          "%-44s %10s %10s%n",
          "append, M values/CPU-s (best round)",
          fmt(compactAppend.best() / 1e6),
          fmt(simpleAppend.best() / 1e6));
      out.printf(
          "%-44s %10s %10s%n",
          "query CPU ms p50, 24 h", fmt(compactDay.p50()), fmt(simpleDay.p50()));
      out.printf(
          "%-44s %10s %10s%n",
          "query CPU ms p99, 24 h", fmt(compactDay.p99()), fmt(simpleDay.p99()));
      out.printf(
          "%-44s %10s %10s%n",
          "query CPU ms p99, 30 min", fmt(compactRaw.p99()), fmt(simpleRaw.p99()));
    }
  }

  private static CpuFigures cpuFigures(boolean quick) {
    int rounds = quick ? 3 : 7;
    CpuTimeCheck.Throughput compactAppend = CpuTimeCheck.append(Stores.COMPACT, rounds);
    CpuTimeCheck.Throughput simpleAppend = CpuTimeCheck.append(Stores.SIMPLE, rounds);
    QueryFixture compact = new QueryFixture(Stores.COMPACT);
    CpuTimeCheck.Latency compactDay = CpuTimeCheck.query(compact, 86_400, quick ? 400 : 2000);
    CpuTimeCheck.Latency compactRaw = CpuTimeCheck.query(compact, 1800, quick ? 400 : 2000);
    compact = null;
    QueryFixture simple = new QueryFixture(Stores.SIMPLE);
    CpuTimeCheck.Latency simpleDay = CpuTimeCheck.query(simple, 86_400, quick ? 20 : 60);
    CpuTimeCheck.Latency simpleRaw = CpuTimeCheck.query(simple, 1800, quick ? 100 : 300);
    return new CpuFigures(
        compactAppend, simpleAppend, compactDay, simpleDay, compactRaw, simpleRaw);
  }

  private static ChainedOptionsBuilder options(boolean quick) {
    return new OptionsBuilder()
        .include(AppendBenchmark.class.getSimpleName())
        .include(QueryBenchmark.class.getSimpleName())
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .forks(1)
        .jvmArgsAppend("-Xmx3g");
  }

  private static void summary(
      PrintStream out, Footprint.Mix mix, Collection<RunResult> results, boolean quick) {
    List<String[]> table = new ArrayList<>();
    table.add(
        row(
            "bytes/value, fleet mix, 30 min raw (heap)",
            fmt(mix.compactHeap()),
            fmt(mix.simpleHeap()),
            "<= 2",
            mix.compactHeap() <= 2));
    double compactAppend = score(results, "AppendBenchmark", "compact", null);
    double simpleAppend = score(results, "AppendBenchmark", "simple", null);
    table.add(
        row(
            "append, M values/s, 1 thread",
            fmt(compactAppend / 1e6),
            fmt(simpleAppend / 1e6),
            ">= 5",
            compactAppend >= 5e6));
    for (String range : List.of("86400", "1800")) {
      double compactP99 = p99(results, "compact", range) / 1000;
      double simpleP99 = p99(results, "simple", range) / 1000;
      String label = range.equals("86400") ? "24 h" : "30 min";
      table.add(
          row(
              "query p99 ms, " + label + ", 3 series -> 300 pts",
              fmt(compactP99),
              fmt(simpleP99),
              range.equals("86400") ? "< 5" : "-",
              !range.equals("86400") || compactP99 < 5));
    }
    out.println();
    out.println(
        "== Summary (" + (quick ? "quick" : "3x2 s warmup, 5x2 s measurement, 1 fork") + ") ==");
    out.printf("%-44s %10s %10s %8s %6s%n", "metric", "compact", "simple", "goal", "met");
    for (String[] r : table) {
      out.printf("%-44s %10s %10s %8s %6s%n", (Object[]) r);
    }
  }

  private static String[] row(
      String what, String compact, String simple, String goal, boolean met) {
    return new String[] {what, compact, simple, goal, met ? "yes" : "NO"};
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static double score(
      Collection<RunResult> results, String benchmark, String store, String range) {
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().contains(benchmark)
          && store.equals(r.getParams().getParam("store"))
          && (range == null || range.equals(r.getParams().getParam("rangeSeconds")))) {
        return r.getPrimaryResult().getScore();
      }
    }
    return Double.NaN;
  }

  private static double p99(Collection<RunResult> results, String store, String range) {
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().contains("QueryBenchmark")
          && store.equals(r.getParams().getParam("store"))
          && range.equals(r.getParams().getParam("rangeSeconds"))) {
        return r.getPrimaryResult().getStatistics().getPercentile(99.0);
      }
    }
    return Double.NaN;
  }
}
