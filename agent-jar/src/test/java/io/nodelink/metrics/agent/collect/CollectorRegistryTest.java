package io.nodelink.metrics.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorRegistryTest {
  @TempDir Path dir;

  private final Clock wall = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  private static Collector failing(MetricGroup group) {
    return new Collector() {
      @Override
      public MetricGroup group() {
        return group;
      }

      @Override
      public void collect(MetricsDataResponse.Builder out) {
        out.setMemory(MemoryMetrics.newBuilder().setTotalBytes(1)); // half-written, then fails
        throw new IllegalStateException("sensor unplugged");
      }
    };
  }

  @Test
  void aFailingCollectorIsNamedAndSkippedWhileTheOthersReport() {
    FakeCentralProcessor cpu = new FakeCentralProcessor();
    cpu.load = new double[] {0.5, 0.25, 0.125};
    CollectorRegistry registry =
        new CollectorRegistry(
            List.of(failing(MetricGroup.DISK), new LoadCollector(cpu)), wall, new FakeClock());

    MetricsDataResponse m = registry.collect(EnumSet.of(MetricGroup.DISK, MetricGroup.LOAD));

    assertThat(m.getTimestamp()).isEqualTo(1_700_000_000L);
    assertThat(m.getCollection().getFailedCollectorsList()).containsExactly("disk");
    assertThat(m.getLoad().getLoad1()).isEqualTo(0.5);
    assertThat(m.getLoad().getLoad15()).isEqualTo(0.125);
    assertThat(m.hasMemory()).as("a failed collector's partial output is dropped").isFalse();
  }

  @Test
  void onlyTheSelectedGroupsAreFilled() {
    FakeCentralProcessor cpu = new FakeCentralProcessor();
    cpu.load = new double[] {1, 2, 3};
    ProcTree tree = new ProcTree(dir).proc("meminfo", "MemTotal: 100 kB\nMemFree: 50 kB\n");
    CollectorRegistry registry =
        new CollectorRegistry(
            List.of(new LoadCollector(cpu), new MemoryCollector(tree.fs)), wall, new FakeClock());

    MetricsDataResponse m = registry.collect(EnumSet.of(MetricGroup.MEMORY));

    assertThat(m.hasMemory()).isTrue();
    assertThat(m.getMemory().getUsagePercent()).isEqualTo(50);
    assertThat(m.hasLoad()).isFalse();
    assertThat(m.hasCpu()).isFalse();
    assertThat(m.getCollection().getFailedCollectorsList()).isEmpty();
  }

  @Test
  void loadAveragesTheOsCannotGiveAreZero() throws Exception {
    FakeCentralProcessor cpu = new FakeCentralProcessor(); // -1 = unavailable
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    new LoadCollector(cpu).collect(out);
    assertThat(out.getLoad()).isEqualTo(LoadMetrics.getDefaultInstance());
  }

  @Test
  void groupNamesFollowTheContractAndEmptyMeansAll() {
    assertThat(MetricGroup.select(List.of())).isEqualTo(EnumSet.allOf(MetricGroup.class));
    assertThat(MetricGroup.select(List.of("cpu", "Network", "bogus")))
        .containsExactlyInAnyOrder(MetricGroup.CPU, MetricGroup.NETWORK);
  }
}
