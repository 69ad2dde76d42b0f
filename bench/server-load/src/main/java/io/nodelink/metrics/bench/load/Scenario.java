package io.nodelink.metrics.bench.load;

import io.grpc.ManagedChannel;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.sim.Simulator;
import io.nodelink.metrics.agent.stream.Channels;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * One benchmark scenario against a running server: N simulated agents at 1 s, {@code watched} of
 * them with {@code clientsPerWatched} SSE clients each (which is what makes them stream), the rest
 * held at 1 s by {@code POST /agents/{id}/metrics/start}. After a warm-up it measures a steady
 * window: snapshots/s on the server's counter, agent-send to SSE-receipt latency, CPU, errors; and
 * the live heap after GC before the agents connect and at the end.
 */
final class Scenario {

  /** The shape and timing of one run. */
  record Plan(
      String name,
      int agents,
      int watched,
      int clientsPerWatched,
      Duration warmup,
      Duration window,
      Duration grace) {
    int sseClients() {
      return watched * clientsPerWatched;
    }
  }

  /** Where the server is and how to reach it. */
  record Target(
      String host,
      int httpPort,
      int adminPort,
      int grpcPort,
      String token,
      long pid,
      Path gcLog,
      Path outDir) {}

  static final String ID_PREFIX = "bench-";
  private static final String SNAPSHOTS = "nodelink_snapshots_received_total";
  private static final String CONNECTED = "nodelink_agents_connected";

  private final Plan plan;
  private final Target target;
  private final PrintStream log;
  private final HttpClient http;
  private final ServerProbe probe;
  private final URI api;
  private final Counters counters = new Counters();
  private final Deliveries deliveries;

  Scenario(Plan plan, Target target, HttpClient http, PrintStream log) {
    this.plan = plan;
    this.target = target;
    this.http = http;
    this.log = log;
    this.api = URI.create("http://" + target.host() + ":" + target.httpPort());
    this.probe =
        new ServerProbe(
            http,
            URI.create("http://" + target.host() + ":" + target.adminPort()),
            target.pid(),
            target.gcLog());
    this.deliveries = new Deliveries(plan.agents());
  }

  Result run() throws Exception {
    probe.awaitReady(Duration.ofMinutes(3));
    String tag = plan.name() + "-" + plan.agents();
    long heapBase = probe.liveHeapBytes(target.outDir().resolve(tag + "-histo-before.txt"));
    log.printf("[%s] live heap before agents: %.1f MiB%n", tag, heapBase / 1048576.0);

    List<Integer> watched = watchedAgents();
    watched.forEach(deliveries::watch);
    Logger agentLogs = Logger.getLogger("io.nodelink.metrics.agent");
    agentLogs.addHandler(counters.warningCounter());

    List<SseLoadClient> clients = new ArrayList<>();
    try (Simulator sim = simulator()) {
      sim.start();
      long streamStart = System.nanoTime();
      awaitConnected();
      clients.addAll(openSseClients(watched));
      startTheRest(watched);
      long notStreaming =
          plan.agents()
              - awaitUpTo(
                  () -> sim.streamingCount(),
                  plan.agents(),
                  Duration.ofSeconds(60 + plan.agents() / 100));
      if (notStreaming > 0) {
        log.printf("[%s] %d agents still not streaming; measuring anyway%n", tag, notStreaming);
      }
      log.printf(
          "[%s] all %d agents streaming; warm-up %d s%n", tag, plan.agents(), secs(plan.warmup()));
      TimeUnit.MILLISECONDS.sleep(plan.warmup().toMillis());

      // Full GC now rather than in the window; its pause must not land in the latency, nor the
      // backlog it leaves (seconds of snapshots at 10,000 agents), so wait for the server to
      // catch up with what was sent before the window opens.
      long heapStart = probe.liveHeapBytes(null);
      long heapStartNanos = System.nanoTime();
      TimeUnit.SECONDS.sleep(3);
      awaitCaughtUp(deliveries, tag);

      long reconnectsBefore = sim.connectCount();
      Window w = Window.open(probe, deliveries);
      for (long left = plan.window().toSeconds(); left > 0; left -= 10) {
        TimeUnit.SECONDS.sleep(Math.min(10, left));
        log.printf(
            "[%s] %3.0f s: server %.0f snapshots/s, simulator %.0f sent/s, %d SSE clients%n",
            tag,
            w.elapsedSeconds(),
            w.serverRate(probe),
            w.sentRate(deliveries),
            plan.sseClients() - counters.sseDisconnects.sum());
      }
      Window.Closed closed = w.close(probe, deliveries);
      TimeUnit.MILLISECONDS.sleep(plan.grace().toMillis());
      Histogram latency = deliveries.latency();
      long missing = deliveries.expectedCount() - deliveries.deliveredCount();
      long reconnects = sim.connectCount() - reconnectsBefore;

      double historySeconds = (System.nanoTime() - streamStart) / 1e9;
      long heapEnd = probe.liveHeapBytes(target.outDir().resolve(tag + "-histo-after.txt"));
      double growth =
          (heapEnd - heapStart) / (plan.agents() * ((System.nanoTime() - heapStartNanos) / 1e9));
      int heapUnits = plan.name().equals("fanout") ? plan.sseClients() : plan.agents();
      log.printf(
          "[%s] live heap at the end: %.1f MiB (%.1f MiB after warm-up); %.0f s of history%n",
          tag, heapEnd / 1048576.0, heapStart / 1048576.0, historySeconds);

      long errors =
          reconnects
              + notStreaming
              + counters.sseDisconnects.sum()
              + counters.httpErrors.sum()
              + Math.max(0, missing)
              + counters.agentWarnings.sum()
              + counters.foreignEvents.sum();
      String detail =
          String.format(
              "not_streaming=%d reconnects=%d sse_disconnects=%d http_errors=%d missing=%d/%d agent_warnings=%d"
                  + " foreign=%d ambiguous=%d",
              notStreaming,
              reconnects,
              counters.sseDisconnects.sum(),
              counters.httpErrors.sum(),
              Math.max(0, missing),
              deliveries.expectedCount(),
              counters.agentWarnings.sum(),
              counters.foreignEvents.sum(),
              deliveries.ambiguousCount());
      log.printf("[%s] errors: %s%n", tag, detail);
      return new Result(
          plan.name(),
          plan.agents(),
          plan.sseClients(),
          closed.seconds(),
          closed.serverRate(),
          closed.sentRate(),
          ms(latency.getValueAtPercentile(50)),
          ms(latency.getValueAtPercentile(99)),
          ms(latency.getValueAtPercentile(99.9)),
          ms(latency.getMaxValue()),
          latency.getTotalCount(),
          (heapEnd - heapBase) / 1024.0 / heapUnits,
          historySeconds,
          growth,
          errors,
          detail.replace(' ', ','),
          closed.serverCpuPct(),
          closed.toolCpuPct(),
          closed.machineBusyPct(),
          MachineStats.load1(),
          closed.gc().count() + "/" + Math.round(closed.gc().maxMillis()));
    } finally {
      clients.forEach(SseLoadClient::close);
    }
  }

  /** Agents with SSE clients: spread evenly over the ids. */
  private List<Integer> watchedAgents() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < plan.watched(); i++) {
      out.add((int) ((long) i * plan.agents() / plan.watched()));
    }
    return out;
  }

  private Simulator simulator() {
    AgentConfig config =
        AgentConfig.from(
            Map.of(
                AgentConfig.SERVER, target.host() + ":" + target.grpcPort(),
                AgentConfig.AGENT_ID, ID_PREFIX.substring(0, ID_PREFIX.length() - 1),
                AgentConfig.TOKEN, target.token(),
                AgentConfig.SIMULATE, Integer.toString(plan.agents())));
    return new Simulator(
        config,
        c -> channel(config),
        Clock.systemUTC(),
        (id, host) -> new TrackedSource(index(id), host, deliveries));
  }

  private static ManagedChannel channel(AgentConfig config) {
    return Channels.forConfig(config);
  }

  static int index(String agentId) {
    return Integer.parseInt(agentId.substring(ID_PREFIX.length()));
  }

  private void awaitConnected() throws Exception {
    await(
        plan.agents() + " agents connected",
        () -> {
          try {
            return probe.metric(CONNECTED).orElse(0) >= plan.agents();
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        Duration.ofSeconds(60 + plan.agents() / 100));
  }

  /** Opens every SSE client, at most 50 connecting at a time. */
  private List<SseLoadClient> openSseClients(List<Integer> watched) throws InterruptedException {
    List<SseLoadClient> clients = new ArrayList<>();
    Semaphore slots = new Semaphore(50);
    List<CompletableFuture<Integer>> opened = new ArrayList<>();
    for (int agent : watched) {
      for (int k = 0; k < plan.clientsPerWatched(); k++) {
        SseLoadClient c = new SseLoadClient(agent, ID_PREFIX + agent, deliveries, counters);
        clients.add(c);
        slots.acquire();
        opened.add(
            c.open(http, api, Duration.ofSeconds(30)).whenComplete((s, e) -> slots.release()));
      }
    }
    long ok =
        opened.stream()
            .map(f -> f.completeOnTimeout(-1, 60, TimeUnit.SECONDS).exceptionally(e -> -1))
            .filter(f -> f.join() == 200)
            .count();
    log.printf("SSE clients connected: %d of %d%n", ok, clients.size());
    return clients;
  }

  /** Holds streaming at 1 s on every agent without SSE clients, 16 requests in flight. */
  private void startTheRest(List<Integer> watched) throws InterruptedException {
    Semaphore slots = new Semaphore(16);
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = 0; i < plan.agents(); i++) {
      if (deliveries.isWatched(i)) {
        continue;
      }
      HttpRequest request =
          HttpRequest.newBuilder(api.resolve("/agents/" + ID_PREFIX + i + "/metrics/start"))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString("{\"interval_seconds\":1}"))
              .build();
      slots.acquire();
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (r, e) -> {
                    slots.release();
                    if (e != null || r.statusCode() != 200) {
                      counters.httpErrors.increment();
                    }
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
    if (!pending.isEmpty()) {
      log.printf("metrics/start sent to %d agents%n", pending.size());
    }
  }

  /** Waits until {@code count} reaches {@code target} or the timeout; returns the last count. */
  private static long awaitUpTo(LongSupplier count, long target, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long now = count.getAsLong();
    while (now < target && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(500);
      now = count.getAsLong();
    }
    return now;
  }

  private void await(String what, BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static long secs(Duration d) {
    return d.toSeconds();
  }

  /**
   * Waits (at most a minute) until the server has received all but a tenth of a second's worth of
   * what the simulator sent (agents send every second), polling its snapshot counter.
   */
  private void awaitCaughtUp(Deliveries deliveries, String tag)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      double received = probe.metric(SNAPSHOTS).orElse(Double.NaN);
      long behind = deliveries.sentCount() - (long) received;
      if (!(behind > Math.max(10, plan.agents() / 10))) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    log.printf("[%s] server still behind the simulator after a minute; measuring anyway%n", tag);
  }

  /** Writes a short text file of the run (heap histograms live beside it). */
  static void ensureDir(Path dir) throws IOException {
    Files.createDirectories(dir);
  }
}
