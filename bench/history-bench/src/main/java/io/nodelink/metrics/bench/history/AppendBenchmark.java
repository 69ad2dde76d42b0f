package io.nodelink.metrics.bench.history;

import io.nodelink.metrics.history.HistoryStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Append throughput on one thread, in values per second: snapshots of 30 series from 100 agents in
 * turn (3,000 series), 1 s timestamps, into a fresh store each iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

  static final int SERIES = 30;
  private static final int AGENTS = 100;
  private static final int TICKS = 4096;

  @Param({Stores.COMPACT, Stores.SIMPLE})
  public String store;

  private HostMetrics.Recorded data;
  private String[] agents;
  private HistoryStore history;
  private int agent;
  private int tick;
  private long round;

  @Setup(Level.Trial)
  public void generate() {
    data = HostMetrics.record(HostMetrics.agentSeries(), 42, Stores.T0, TICKS);
    if (data.names().length != SERIES) {
      throw new IllegalStateException("expected " + SERIES + " series");
    }
    agents = new String[AGENTS];
    for (int i = 0; i < AGENTS; i++) {
      agents[i] = "agent-" + i;
    }
  }

  @Setup(Level.Iteration)
  public void freshStore() {
    history = Stores.create(store);
    agent = 0;
    tick = 0;
    round = 0;
  }

  @Benchmark
  @OperationsPerInvocation(SERIES)
  public void appendSnapshot() {
    long span = data.timestamps()[TICKS - 1] - data.timestamps()[0] + 1;
    long timestamp = data.timestamps()[tick] + round * span;
    String id = agents[agent];
    String[] names = data.names();
    double[][] values = data.values();
    for (int s = 0; s < SERIES; s++) {
      history.append(id, names[s], timestamp, values[s][tick]);
    }
    if (++agent == AGENTS) {
      agent = 0;
      if (++tick == TICKS) {
        tick = 0;
        round++;
      }
    }
  }
}
