package io.nodelink.metrics.bench.history;

import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.RangeQuery;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Query latency (sampled, for percentiles): one agent with 30 series of 1 s data over 24 h (the
 * compact store maintained as the server's timer would: 30 min raw, the rest in 1 min buckets); 3
 * series into at most 300 points over the last 24 h or the last 30 min.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBenchmark {

  @Param({Stores.COMPACT, Stores.SIMPLE})
  public String store;

  @Param({"86400", "1800"})
  public long rangeSeconds;

  private HistoryStore history;
  private RangeQuery query;

  @Setup(Level.Trial)
  public void fill() {
    QueryFixture fixture = new QueryFixture(store);
    history = fixture.store;
    query = fixture.query(rangeSeconds);
  }

  @Benchmark
  public HistoryResult query() {
    return history.query("agent", query);
  }
}
