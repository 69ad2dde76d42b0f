package io.nodelink.metrics.bench.load;

import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.sim.Simulator;
import io.nodelink.metrics.agent.stream.Channels;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The soak: {@code agents} well-behaved simulated agents streaming at the server's collection
 * interval (1 s in bench/soak.sh) for {@code duration}, with the {@link Troublemakers} beside them.
 * Every {@code sampleEvery} it samples the server: live heap after a full GC, CPU per received
 * snapshot, RSS, and the errors the well-behaved agents saw (reconnects, warnings they logged,
 * agents not streaming). It fails if those errors are not 0.
 */
final class Soak {

  /** How long, how many, how often. */
  record Plan(int agents, Duration duration, Duration sampleEvery) {}

  /** One sample of the server. */
  record Sample(
      double minutes,
      long liveHeapBytes,
      double cpuMicrosPerSnapshot,
      double serverCpuPercent,
      long rssBytes,
      long reconnects,
      long agentWarnings,
      long notStreaming,
      long cycles,
      long interfaceNames,
      double load1) {

    long errors() {
      return reconnects + agentWarnings + notStreaming;
    }

    String row() {
      return String.format(
          "| %6.1f | %8.1f | %8.1f | %6.1f | %8.1f | %d / %d / %d | %7d | %7d | %5.2f |",
          minutes,
          liveHeapBytes / 1048576.0,
          cpuMicrosPerSnapshot,
          serverCpuPercent,
          rssBytes / 1048576.0,
          reconnects,
          agentWarnings,
          notStreaming,
          cycles,
          interfaceNames,
          load1);
    }

    static String header() {
      return "| min | live heap MiB | CPU µs/snapshot | server CPU % | RSS MiB"
          + " | well-behaved errors (reconnects / warnings / not streaming) | churn cycles"
          + " | interface names | load1 |\n|---|---|---|---|---|---|---|---|---|";
    }
  }

  private static final String SNAPSHOTS = "nodelink_snapshots_received_total";

  private final Plan plan;
  private final Scenario.Target target;
  private final PrintStream log;
  private final ServerProbe probe;
  private final Counters counters = new Counters();

  Soak(Plan plan, Scenario.Target target, HttpClient http, PrintStream log) {
    this.plan = plan;
    this.target = target;
    this.log = log;
    this.probe =
        new ServerProbe(
            http,
            URI.create("http://" + target.host() + ":" + target.adminPort()),
            target.pid(),
            target.gcLog());
  }

  /** Runs the soak; returns the samples (the first one taken once everything is connected). */
  List<Sample> run() throws Exception {
    probe.awaitReady(Duration.ofMinutes(3));
    Logger.getLogger("io.nodelink.metrics.agent").addHandler(counters.warningCounter());
    List<Sample> samples = new ArrayList<>();
    try (Simulator fleet = simulator();
        Troublemakers trouble = new Troublemakers(target.grpcPort(), target.token())) {
      fleet.start();
      awaitStreaming(fleet);
      trouble.start();
      long start = System.nanoTime();
      long[] last = {probe.cpuNanos(), snapshots(), System.nanoTime()};
      long deadline = start + plan.duration().toNanos();
      log.println(Sample.header());
      while (true) {
        Sample sample = sample(fleet, trouble, start, last);
        samples.add(sample);
        log.println(sample.row());
        save(samples);
        long next = System.nanoTime() + plan.sampleEvery().toNanos();
        if (next > deadline + TimeUnit.SECONDS.toNanos(5)) {
          if (System.nanoTime() < deadline) {
            TimeUnit.NANOSECONDS.sleep(deadline - System.nanoTime());
            continue;
          }
          break;
        }
        TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
      }
    }
    return samples;
  }

  private Sample sample(Simulator fleet, Troublemakers trouble, long start, long[] last)
      throws IOException, InterruptedException {
    long cpu = probe.cpuNanos();
    long received = snapshots();
    long heap = probe.liveHeapBytes(null);
    double minutes = (System.nanoTime() - start) / 60e9;
    long snapshotsSince = Math.max(1, received - last[1]);
    double cpuMicros = (cpu - last[0]) / 1e3 / snapshotsSince;
    long now = System.nanoTime();
    double cpuPercent = (cpu - last[0]) * 100.0 / Math.max(1, now - last[2]);
    last[0] = cpu;
    last[1] = received;
    last[2] = now;
    return new Sample(
        minutes,
        heap,
        cpuMicros,
        cpuPercent,
        rssBytes(target.pid()),
        fleet.connectCount() - plan.agents(),
        counters.agentWarnings.sum(),
        plan.agents() - fleet.streamingCount(),
        trouble.cycles(),
        trouble.interfaceNames(),
        MachineStats.load1());
  }

  private long snapshots() throws IOException, InterruptedException {
    return (long) probe.metric(SNAPSHOTS).orElse(0);
  }

  private void awaitStreaming(Simulator fleet) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + plan.agents() / 100);
    while (fleet.streamingCount() < plan.agents() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    log.printf("[soak] %d of %d agents streaming%n", fleet.streamingCount(), plan.agents());
  }

  private Simulator simulator() {
    AgentConfig config =
        AgentConfig.from(
            Map.of(
                AgentConfig.SERVER,
                target.host() + ":" + target.grpcPort(),
                AgentConfig.AGENT_ID,
                "soak",
                AgentConfig.TOKEN,
                target.token(),
                AgentConfig.SIMULATE,
                Integer.toString(plan.agents())));
    return new Simulator(config, c -> Channels.forConfig(config), Clock.systemUTC());
  }

  private void save(List<Sample> samples) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(Sample.header());
    samples.forEach(s -> lines.add(s.row()));
    Files.write(target.outDir().resolve("soak.md"), lines);
  }

  /** Resident set size of a process, from {@code /proc/<pid>/status}. */
  static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
