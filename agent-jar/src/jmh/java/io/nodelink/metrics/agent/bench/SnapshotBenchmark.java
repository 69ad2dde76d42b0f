package io.nodelink.metrics.agent.bench;

import io.nodelink.metrics.agent.HostAgent;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.stream.HostSnapshotSource;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one snapshot on this machine: all groups (collection plus protobuf serialisation,
 * what the agent does each interval), each group alone, and all groups with a full process walk
 * every sample ({@code processes.scan-seconds=0}), on the {@code /proc} path and on the OSHI path.
 * Runs with the launcher's C1-only JIT and OSHI's memoisation off so every operation reads the
 * kernel as a 1 s sampler would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC",
      "-Xmx64m",
      "-Doshi.util.memoizer.expiration=0"
    })
public class SnapshotBenchmark {

  /** Which groups to collect: one group's wire name, {@code all}, or {@code all-walk}. */
  @Param({"all", "all-walk", "cpu", "memory", "disk", "network", "processes", "load"})
  public String groups;

  /** The collectors' path: {@code procfs} (Linux's fast path) or {@code oshi} (Windows, macOS). */
  @Param({"procfs", "oshi"})
  public String collectors;

  private HostSnapshotSource source;
  private Set<MetricGroup> selected;

  @Setup
  public void setUp() {
    boolean walk = groups.equals("all-walk");
    source =
        HostAgent.source(
            AgentConfig.from(
                Map.of(
                    AgentConfig.PROCESS_SCAN,
                    walk ? "0" : "5",
                    AgentConfig.COLLECTORS,
                    collectors)));
    selected =
        groups.startsWith("all")
            ? EnumSet.allOf(MetricGroup.class)
            : EnumSet.of(MetricGroup.fromWire(groups).orElseThrow());
    source.prime(selected);
  }

  /** One snapshot, serialised as it would be sent (stamped with the time it is taken). */
  @Benchmark
  public byte[] snapshot() {
    return source.collect(selected, System.currentTimeMillis() / 1000).toByteArray();
  }
}
