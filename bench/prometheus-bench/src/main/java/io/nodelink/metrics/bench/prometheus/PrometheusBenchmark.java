package io.nodelink.metrics.bench.prometheus;

import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.sim.SimulatedHost;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.BenchFleet;
import io.nodelink.metrics.server.prometheus.exposition.BenchScrape;
import io.nodelink.metrics.server.prometheus.remotewrite.BenchEncode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's Prometheus work on one core, without HTTP or other load around it: one scrape of the
 * whole fleet (the agents' latest samples, as the load benchmark's simulated hosts send them,
 * written in the text format and in OpenMetrics to a stream that counts bytes), the conversion of
 * one snapshot, and the body of one remote-write request of 2,000-odd samples (protobuf + snappy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class PrometheusBenchmark {

  private static final String TEXT = "text/plain";
  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0";

  /** Snapshots of ~80 samples: 25 of them make one request of the server's batch size. */
  private static final int AGENTS_PER_REQUEST = 25;

  @Param({"5000"})
  public int agents;

  private List<AgentSamples> fleet;
  private List<AgentSamples> oneRequest;
  private SimulatedHost host;
  private SystemInfoResponse info;
  private BenchFleet converter;
  private long millis;
  private MetricsDataResponse snapshot;

  @Setup(Level.Trial)
  public void fleet() {
    info =
        new SimulatedHost("info", 0, Clock.systemUTC())
            .systemInfo(SystemInfoRequest.getDefaultInstance());
    BenchFleet converted = new BenchFleet(agents);
    fleet = new ArrayList<>(agents);
    long now = System.currentTimeMillis();
    for (int i = 0; i < agents; i++) {
      SimulatedHost simulated = new SimulatedHost("host-" + i, i, Clock.systemUTC());
      String id = "agent-" + i;
      converted.convert(
          i, id, now - 1_000, simulated.collect(EnumSet.allOf(MetricGroup.class)), info);
      fleet.add(
          converted.convert(i, id, now, simulated.collect(EnumSet.allOf(MetricGroup.class)), info));
    }
    // The server lists agents by id (AgentRegistry.all), and a scrape adds them in that order.
    fleet.sort(Comparator.comparing(AgentSamples::agentId));
    oneRequest = fleet.subList(0, AGENTS_PER_REQUEST);
    host = new SimulatedHost("converted", 1, Clock.systemUTC());
    snapshot = host.collect(EnumSet.allOf(MetricGroup.class));
    converter = new BenchFleet(1);
    millis = now;
  }

  /** Samples in the fleet's scrape, for per-sample figures. */
  public int samples() {
    return fleet.stream().mapToInt(a -> a.samples().size()).sum();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long scrapeText() throws IOException {
    return scrape(TEXT);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long scrapeOpenMetrics() throws IOException {
    return scrape(OPEN_METRICS);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public AgentSamples convertSnapshot() {
    millis += 1_000;
    return converter.convert(0, "agent", millis, snapshot, info);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] remoteWriteBody() throws IOException {
    return BenchEncode.body(oneRequest);
  }

  private long scrape(String accept) throws IOException {
    CountingStream out = new CountingStream();
    BenchScrape.write(fleet, accept, out);
    return out.bytes;
  }

  /** Where a scrape's bytes go: counted, not kept. */
  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
