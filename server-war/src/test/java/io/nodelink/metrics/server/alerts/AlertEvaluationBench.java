package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.store.SeriesExtractor;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * By hand, not a test: the CPU one snapshot costs the server for alerting, per agent, with the
 * default pack and 20 more rules, against what the store already spends turning it into series.
 * 5,000 agents (each its own windows and trackers), every agent one snapshot a round.
 *
 * <pre>
 * ./mvnw -q -o -pl server-war -am test-compile
 * ./mvnw -q -o -pl server-war exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.nodelink.metrics.server.alerts.AlertEvaluationBench
 * </pre>
 */
public final class AlertEvaluationBench {

  private static final int AGENTS = 5_000;
  private static final int ROUNDS = 60;
  private static final int WARMUP_ROUNDS = 20;

  private AlertEvaluationBench() {}

  public static void main(String[] args) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<CompiledRule> rules = new ArrayList<>();
    DefaultRules.all().forEach(r -> rules.add(new CompiledRule(r)));
    for (int i = 0; i < 20; i++) {
      String metric =
          switch (i % 4) {
            case 0 -> "cpu.core*.usage_percent";
            case 1 -> "network.*.bytes_recv_per_sec";
            case 2 -> "memory.available_bytes";
            default -> "disk.*.io_util_percent";
          };
      rules.add(
          new CompiledRule(
              RuleJson.parse(
                  "{\"name\":\"Extra"
                      + i
                      + "\",\"metric\":\""
                      + metric.replace("core*", "*")
                      + "\",\"agg\":\"avg\",\"over_seconds\":300,\"threshold\":1e15}",
                  AlertRule.SOURCE_API)));
    }
    AlertBook book =
        new AlertBook(AlertStore.NONE, Clock.systemUTC(), AlertSettings.defaults(), c -> {});
    AgentAlerts[] agents = new AgentAlerts[AGENTS];
    for (int a = 0; a < AGENTS; a++) {
      agents[a] = new AgentAlerts("bench-" + a, book);
    }
    SeriesExtractor extractor = new SeriesExtractor();
    AlertSeries series = new AlertSeries(new SeriesExtractor()::extract);
    long now = Instant.now().getEpochSecond();
    long extractNanos = 0;
    long alertNanos = 0;
    int measured = 0;
    long sink = 0; // keeps the JIT from dropping the extraction it measures
    for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      MetricsDataResponse snapshot = Snapshots.sample(now + round, 40 + round % 20);
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int a = 0; a < AGENTS; a++) {
        sink += extractor.extract(snapshot).size();
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      Instant at = Instant.ofEpochSecond(now + round);
      for (int a = 0; a < AGENTS; a++) {
        SeriesBatch batch = series.of(snapshot);
        agents[a].evaluate(batch, now + round, rules, at);
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      if (round >= WARMUP_ROUNDS) {
        extractNanos += t1 - t0;
        alertNanos += t2 - t1;
        measured += AGENTS;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d agents x %d snapshots, %d rules (default pack + 20), %d series a snapshot: series"
            + " extraction %.1f us/snapshot,"
            + " alert evaluation (its own extraction included) %.1f us/snapshot%n",
        AGENTS,
        ROUNDS,
        rules.size(),
        sink / ((long) AGENTS * (WARMUP_ROUNDS + ROUNDS)),
        extractNanos / 1000.0 / measured,
        alertNanos / 1000.0 / measured);
  }
}
