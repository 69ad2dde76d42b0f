package io.nodelink.metrics.server.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nodelink.metrics.pb.CollectionStats;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotMapperTest {

  private final AgentSeries counters = new AgentSeries();

  @Test
  void ratesBecomeTotalsThatGrowByRateTimesInterval() {
    map(1_000, network(100));
    map(2_000, network(300));
    AgentSamples third = map(4_000, network(50));

    assertThat(value(third, "node_network_receive_bytes_total", "eth0")).isEqualTo(300 + 2 * 50);
  }

  @Test
  void aSnapshotNotNewerThanTheLastIsSkipped() {
    map(2_000, network(100));

    assertThat(map(2_000, network(100))).isNull();
    assertThat(map(1_000, network(100))).isNull();
  }

  @Test
  void aResetStartsTheCountersAgainButNotTheClock() {
    map(1_000, network(100));
    map(2_000, network(100));
    counters.reset();

    assertThat(map(1_500, network(100))).isNull();
    assertThat(value(map(3_000, network(100)), "node_network_receive_bytes_total", "eth0"))
        .isZero();
    assertThat(value(map(4_000, network(100)), "node_network_receive_bytes_total", "eth0"))
        .isEqualTo(100);
  }

  @Test
  void theContractsTotalsAreExposedAsTheyAre() {
    AgentSamples samples =
        map(
            1_000,
            MetricsDataResponse.newBuilder()
                .addNetworkInterfaces(
                    NetworkMetrics.newBuilder().setInterface("eth0").setErrorsIn(7).setDropsOut(3))
                .build());

    assertThat(value(samples, "node_network_receive_errs_total", "eth0")).isEqualTo(7);
    assertThat(value(samples, "node_network_transmit_drop_total", "eth0")).isEqualTo(3);
  }

  @Test
  void oneMinusTheIdleRateAveragedOverCoresIsTheBusyShare() {
    CpuMetrics cpu =
        CpuMetrics.newBuilder()
            .setUsagePercent(40)
            .setUserPercent(30)
            .setSystemPercent(10)
            .setIdlePercent(60)
            .addAllCoreUsage(List.of(20.0, 60.0))
            .build();
    MetricsDataResponse snapshot = MetricsDataResponse.newBuilder().setCpu(cpu).build();
    map(0, snapshot);
    AgentSamples samples = map(10_000, snapshot);

    double idle0 = cpuSeconds(samples, "0", "idle");
    double idle1 = cpuSeconds(samples, "1", "idle");
    assertThat(1 - (idle0 + idle1) / 2 / 10).isCloseTo(0.40, within(1e-9));
    double core1 = 0;
    for (String mode : List.of("user", "system", "steal", "idle", "iowait")) {
      core1 += cpuSeconds(samples, "1", mode);
    }
    assertThat(core1).isCloseTo(10, within(1e-9));
    assertThat(cpuSeconds(samples, "1", "user")).isCloseTo(6 * 0.75, within(1e-9));
  }

  @Test
  void aCollectorNamedTwiceIsOneSeries() {
    AgentSamples samples =
        map(
            1_000,
            MetricsDataResponse.newBuilder()
                .setCollection(
                    CollectionStats.newBuilder()
                        .addFailedCollectors("disk")
                        .addFailedCollectors("disk"))
                .build());

    assertThat(samples.samples())
        .filteredOn(s -> s.family() == NodeExporterFamilies.COLLECTORS_FAILED)
        .hasSize(1);
  }

  @Test
  void everySampleNamesItsAgentTwice() {
    AgentSamples samples = map(1_000, network(1));

    assertThat(samples.samples())
        .allSatisfy(
            s -> {
              assertThat(s.labels().get("instance")).isEqualTo("a1");
              assertThat(s.labels().get("agent_id")).isEqualTo("a1");
            });
  }

  @Test
  void interfacesThatChangePlacesOrMissASnapshotKeepTheirOwnTotals() {
    map(1_000, interfaces("eth0", 100, "eth1", 10));
    AgentSamples swapped = map(2_000, interfaces("eth1", 20, "eth0", 200));
    map(3_000, interfaces("eth0", 300));
    AgentSamples back = map(4_000, interfaces("eth0", 400, "eth1", 40));

    assertThat(value(swapped, "node_network_receive_bytes_total", "eth0")).isEqualTo(200);
    assertThat(value(swapped, "node_network_receive_bytes_total", "eth1")).isEqualTo(20);
    assertThat(value(back, "node_network_receive_bytes_total", "eth0")).isEqualTo(900);
    assertThat(value(back, "node_network_receive_bytes_total", "eth1"))
        .as("missed a snapshot: starts again from its last increase")
        .isEqualTo(40);
  }

  private AgentSamples map(long millis, MetricsDataResponse snapshot) {
    return SnapshotMapper.map("a1", millis, snapshot, null, counters);
  }

  private static MetricsDataResponse network(long bytesPerSecond) {
    return MetricsDataResponse.newBuilder()
        .addNetworkInterfaces(
            NetworkMetrics.newBuilder().setInterface("eth0").setBytesRecvPerSec(bytesPerSecond))
        .build();
  }

  /** Interfaces by name and received bytes per second, in the order given. */
  private static MetricsDataResponse interfaces(Object... nameAndRate) {
    MetricsDataResponse.Builder snapshot = MetricsDataResponse.newBuilder();
    for (int i = 0; i < nameAndRate.length; i += 2) {
      snapshot.addNetworkInterfaces(
          NetworkMetrics.newBuilder()
              .setInterface((String) nameAndRate[i])
              .setBytesRecvPerSec(((Integer) nameAndRate[i + 1]).longValue()));
    }
    return snapshot.build();
  }

  private static double value(AgentSamples samples, String name, String device) {
    return samples.samples().stream()
        .filter(s -> s.family().sampleName().equals(name))
        .filter(s -> device.equals(s.labels().get("device")))
        .findFirst()
        .orElseThrow()
        .value();
  }

  private static double cpuSeconds(AgentSamples samples, String cpu, String mode) {
    return samples.samples().stream()
        .filter(s -> s.family() == NodeExporterFamilies.CPU_SECONDS)
        .filter(s -> cpu.equals(s.labels().get("cpu")) && mode.equals(s.labels().get("mode")))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
