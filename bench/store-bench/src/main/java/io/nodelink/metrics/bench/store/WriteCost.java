package io.nodelink.metrics.bench.store;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.history.durable.DurableHistoryStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import org.HdrHistogram.Histogram;

/**
 * What persistence costs at a fleet's scale: each round feeds one second of data of every agent to
 * the durable store and, as the baseline, to a plain {@link CompactHistoryStore} (same values, the
 * order alternating), then flushes the durable store. The run crosses one chunk window, so one
 * flush writes every series' sealed chunks; per window that flush is amortised over its seconds.
 */
final class WriteCost {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * The flush's CPU is the whole JVM's while it runs: H2 serialises and writes its pages on its own
   * background thread (the concurrent GC's share of the flush's garbage counts too).
   */
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Rounds before the figures count (JIT, connection set-up). */
  private static final int WARMUP = 20;

  /**
   * The figures, in milliseconds and microseconds.
   *
   * @param steadyWall flush wall time without sealed chunks, ms
   * @param boundaryWall wall time of the flushes that wrote the window's chunks, ms
   * @param msPerSecond flush wall ms per second of data, one window amortised
   * @param cpuMsPerSecond flush CPU ms (this JVM plus the database server) per second of data
   * @param durableMicros append CPU time per snapshot, durable store, µs
   * @param compactMicros append CPU time per snapshot, plain compact store, µs
   */
  record Result(
      int agents,
      Histogram steadyWall,
      double boundaryWall,
      double boundaryCpu,
      double msPerSecond,
      double cpuMsPerSecond,
      double durableMicros,
      double compactMicros) {}

  private WriteCost() {}

  static Result run(Database db, BenchOptions options, PrintStream out) throws SQLException {
    int agents = options.writeAgents();
    int flushEvery = options.writeFlushEvery();
    // The window ends after a third of the rounds past the warm-up.
    long start =
        BenchStores.MIDNIGHT + BenchStores.WINDOW - WARMUP - (options.writeRounds() - WARMUP) / 3;
    Fleet fleet = new Fleet("host", agents, false, start);
    BenchClock clock = new BenchClock(start);
    HistorySettings settings = HistorySettings.defaults().withMemoryBudgetBytes(0);
    DurableHistoryStore durable = BenchStores.open(db, clock, settings);
    CompactHistoryStore compact = new CompactHistoryStore(settings);
    out.printf(
        "%d agents x %d series, %d rounds of 1 s of data, a flush every %d s of data (memory"
            + " budget off in both stores); %s%n",
        agents, fleet.seriesPerAgent(), options.writeRounds(), flushEvery, Machine.loadLine());
    Histogram steady = new Histogram(3_600_000_000L, 3);
    double boundaryWall = 0;
    double boundaryCpu = 0;
    long steadyCpu = 0;
    long durableAppend = 0;
    long compactAppend = 0;
    long snapshots = 0;
    int chunkFlushes = 0;
    SeriesBatch[] batches = new SeriesBatch[agents];
    for (int round = 0; round < options.writeRounds(); round++) {
      long t = start + round + 1;
      clock.set(t);
      for (int a = 0; a < agents; a++) {
        batches[a] = fleet.next(a);
      }
      long durableCpu;
      long compactCpu;
      if (round % 2 == 0) {
        durableCpu = append(durable, fleet, batches, t);
        compactCpu = append(compact, fleet, batches, t);
      } else {
        compactCpu = append(compact, fleet, batches, t);
        durableCpu = append(durable, fleet, batches, t);
      }
      if (round >= WARMUP) {
        for (int a = 0; a < agents; a++) {
          snapshots += batches[a] == null ? 0 : 1;
        }
        durableAppend += durableCpu;
        compactAppend += compactCpu;
      }
      if ((round + 1) % flushEvery != 0) {
        continue;
      }
      long chunksBefore = durable.status().writtenChunks();
      long serverCpu = db.serverCpuNanos();
      long cpu = PROCESS.getProcessCpuTime();
      long wall = System.nanoTime();
      durable.flush();
      wall = System.nanoTime() - wall;
      cpu = PROCESS.getProcessCpuTime() - cpu + db.serverCpuNanos() - serverCpu;
      if (round < WARMUP) {
        continue;
      }
      long written = durable.status().writtenChunks() - chunksBefore;
      if (written > 0) {
        boundaryWall += wall / 1e6;
        boundaryCpu += cpu / 1e6;
        chunkFlushes++;
        out.printf(
            "  window boundary: a flush wrote %,d chunks in %.0f ms wall, %.0f ms CPU%n",
            written, wall / 1e6, cpu / 1e6);
      } else {
        steady.recordValue(wall / 1000);
        steadyCpu += cpu;
      }
    }
    durable.close();
    double steadyMeanMs = steady.getMean() / 1000;
    double steadyCpuMs = steadyCpu / 1e6 / Math.max(1, steady.getTotalCount());
    // One window of seconds: its steady flushes and the flushes that wrote its chunks (the
    // first after the boundary, and a few for agents that skipped the boundary's second).
    double flushesPerWindow = (double) BenchStores.WINDOW / flushEvery;
    double msPerSecond =
        (steadyMeanMs * (flushesPerWindow - chunkFlushes) + boundaryWall) / BenchStores.WINDOW;
    double cpuMsPerSecond =
        (steadyCpuMs * (flushesPerWindow - chunkFlushes) + boundaryCpu) / BenchStores.WINDOW;
    Result result =
        new Result(
            agents,
            steady,
            boundaryWall,
            boundaryCpu,
            msPerSecond,
            cpuMsPerSecond,
            durableAppend / 1e3 / snapshots,
            compactAppend / 1e3 / snapshots);
    out.printf(
        "  steady flush wall ms: p50 %.1f, p99 %.1f, max %.1f, mean %.1f; CPU ms mean %.1f"
            + " (the JVM + the database server)%n",
        steady.getValueAtPercentile(50) / 1000.0,
        steady.getValueAtPercentile(99) / 1000.0,
        steady.getMaxValue() / 1000.0,
        steadyMeanMs,
        steadyCpuMs);
    out.printf(
        "  flush per second of data, one window amortised: %.1f ms wall, %.1f ms CPU for %d"
            + " agents = %.1f ms wall, %.1f ms CPU per 1,000 agents%n",
        msPerSecond,
        cpuMsPerSecond,
        agents,
        msPerSecond * 1000 / agents,
        cpuMsPerSecond * 1000 / agents);
    out.printf(
        "  append CPU per snapshot (%d values): durable %.2f us, compact %.2f us, ratio %.2f%n",
        fleet.seriesPerAgent(),
        result.durableMicros(),
        result.compactMicros(),
        result.durableMicros() / result.compactMicros());
    return result;
  }

  /** Appends one second of every agent; returns the thread CPU time it took. */
  private static long append(
      io.nodelink.metrics.history.HistoryStore store, Fleet fleet, SeriesBatch[] batches, long t) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int a = 0; a < batches.length; a++) {
      if (batches[a] != null) {
        store.appendAll(fleet.agentId(a), t, batches[a]);
      }
    }
    return THREADS.getCurrentThreadCpuTime() - cpu;
  }
}
