package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.store.SeriesExtractor;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * By hand, not a test: the CPU one snapshot costs the server for alerting, per agent, with the
 * default pack and the rules of {@code bench/server-load/alert-rules-20.yaml} (the file {@code
 * bench/server-load.sh --alert-rules} loads into the running server), against what the store
 * already spends turning it into series. 5,000 agents (each its own windows and trackers) shaped
 * like the load tool's simulated hosts (4 cores, 2 disks, 2 interfaces, values that move), every
 * agent one snapshot a round.
 *
 * <pre>
 * ./mvnw -q -pl server-war -am install -DskipTests
 * ./mvnw -q -o -pl server-war exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.nodelink.metrics.server.alerts.AlertEvaluationBench
 * </pre>
 */
public final class AlertEvaluationBench {

  private static final int AGENTS = 5_000;
  private static final int ROUNDS = 120;
  private static final int WARMUP_ROUNDS = 60;

  private AlertEvaluationBench() {}

  public static void main(String[] args) throws IOException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<CompiledRule> rules = new ArrayList<>();
    DefaultRules.all().forEach(r -> rules.add(new CompiledRule(r)));
    // From the repository's root (where ./mvnw runs), or the file given
    Path extra = Path.of(args.length > 0 ? args[0] : "bench/server-load/alert-rules-20.yaml");
    RulesFile.read(extra).forEach(r -> rules.add(new CompiledRule(r)));
    AlertBook book =
        new AlertBook(AlertStore.NONE, Clock.systemUTC(), AlertSettings.defaults(), c -> {});
    AgentAlerts[] agents = new AgentAlerts[AGENTS];
    for (int a = 0; a < AGENTS; a++) {
      agents[a] = new AgentAlerts("bench-" + a, book);
    }
    SeriesExtractor extractor = new SeriesExtractor();
    long now = Instant.now().getEpochSecond();
    long extractNanos = 0;
    long alertNanos = 0;
    int measured = 0;
    long sink = 0; // keeps the JIT from dropping the extraction it measures
    Random random = new Random(7);
    for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      MetricsDataResponse snapshot = host(now + round, random);
      SeriesBatch[] batches = new SeriesBatch[AGENTS];
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int a = 0; a < AGENTS; a++) {
        batches[a] = extractor.extract(snapshot); // the store's work, which alerting now shares
        sink += batches[a].size();
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      Instant at = Instant.ofEpochSecond(now + round);
      for (int a = 0; a < AGENTS; a++) {
        agents[a].evaluate(AlertValues.of(snapshot, batches[a]), now + round, rules, at);
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
        "%d agents x %d snapshots, %d rules (default pack + %s), %d series a snapshot, %d windows"
            + " an agent: series extraction (the store's) %.1f us/snapshot, alert evaluation"
            + " %.1f us/snapshot%n",
        AGENTS,
        ROUNDS,
        rules.size(),
        extra.getFileName(),
        sink / ((long) AGENTS * (WARMUP_ROUNDS + ROUNDS)),
        agents[0].windowCount(),
        extractNanos / 1000.0 / measured,
        alertNanos / 1000.0 / measured);
  }

  /** A snapshot shaped like the load tool's simulated host, its values moved a little. */
  private static MetricsDataResponse host(long timestamp, Random random) {
    MetricsDataResponse.Builder b =
        Snapshots.sample(timestamp, 10 + random.nextDouble() * 20).toBuilder();
    b.getCpuBuilder().addCoreUsage(random.nextDouble() * 30).addCoreUsage(random.nextDouble() * 30);
    b.addDisks(b.getDisks(0).toBuilder().setDevice("sdb1").setMountPoint("/data"));
    b.addNetworkInterfaces(b.getNetworkInterfaces(0).toBuilder().setInterface("eth1"));
    b.getDisksBuilder(0).setIoUtilPercent(random.nextDouble() * 10);
    b.getNetworkInterfacesBuilder(0).setBytesRecvPerSec(random.nextInt(100_000));
    b.getMemoryBuilder().setUsagePercent(40 + random.nextDouble() * 20);
    return b.build();
  }
}
