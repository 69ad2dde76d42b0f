package io.nodelink.metrics.bench.history;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.RangeQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The same workloads timed by the thread's own CPU time instead of the wall clock: on a machine
 * shared with other jobs a thread that is descheduled still looks slow to JMH, but not here. This
 * is what "on one core" means; it is a cross-check, the JMH figures stay the primary ones.
 */
final class CpuTimeCheck {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Median and best of several rounds, in values per CPU-second. */
  record Throughput(double median, double best) {}

  /** Query CPU-time percentiles in milliseconds. */
  record Latency(double p50, double p99) {}

  private CpuTimeCheck() {}

  static Throughput append(String engine, int rounds) {
    HostMetrics.Recorded data = HostMetrics.record(HostMetrics.agentSeries(), 42, Stores.T0, 4096);
    String[] agents = new String[100];
    for (int i = 0; i < agents.length; i++) {
      agents[i] = "agent-" + i;
    }
    int ticks = engine.equals(Stores.SIMPLE) ? 300 : 2000;
    double[] rates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      HistoryStore store = Stores.create(engine);
      long start = THREADS.getCurrentThreadCpuTime();
      long values = 0;
      for (int t = 0; t < ticks; t++) {
        for (String agent : agents) {
          for (int s = 0; s < data.names().length; s++) {
            store.append(agent, data.names()[s], data.timestamps()[t], data.values()[s][t]);
            values++;
          }
        }
      }
      rates[r] = values * 1e9 / (THREADS.getCurrentThreadCpuTime() - start);
    }
    Arrays.sort(rates);
    return new Throughput(rates[rounds / 2], rates[rounds - 1]);
  }

  static Latency query(QueryFixture fixture, long rangeSeconds, int queries) {
    RangeQuery query = fixture.query(rangeSeconds);
    for (int i = 0; i < queries / 4; i++) {
      fixture.store.query("agent", query);
    }
    long[] nanos = new long[queries];
    for (int i = 0; i < queries; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      fixture.store.query("agent", query);
      nanos[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(nanos);
    return new Latency(nanos[queries / 2] / 1e6, nanos[queries * 99 / 100] / 1e6);
  }
}
