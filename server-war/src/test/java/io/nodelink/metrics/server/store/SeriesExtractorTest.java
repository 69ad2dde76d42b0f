package io.nodelink.metrics.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import io.nodelink.metrics.testkit.contract.ContractSeries;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesExtractorTest {

  private final SeriesExtractor extractor = new SeriesExtractor();

  @Test
  void fullSnapshotYieldsEveryContractSeries() {
    Map<String, Double> series = extractor.extract(Snapshots.sample(100, 12.5)).toMap();

    assertThat(series)
        .containsKeys(ContractSeries.HOST_SERIES.toArray(String[]::new))
        .containsKeys(ContractSeries.SAMPLE_INSTANCE_SERIES.toArray(String[]::new))
        .containsKey(ContractSeries.COLLECTION_DURATION);
    assertThat(series.get("cpu.usage_percent")).isEqualTo(12.5);
    assertThat(series.get("cpu.core1.usage_percent")).isEqualTo(6.25);
    assertThat(series.get("memory.total_bytes")).isEqualTo((double) (16L << 30));
    assertThat(series.get("processes.total")).isEqualTo(200.0);
  }

  @Test
  void diskUsageIsUsedOverTotalOfAllDisksAndRatesAreSummed() {
    MetricsDataResponse data =
        MetricsDataResponse.newBuilder()
            .addDisks(disk("/dev/sda1", 100, 50, 10, 1))
            .addDisks(disk("/dev/sdb", 300, 50, 20, 2))
            .addNetworkInterfaces(net("eth0", 1, 2))
            .addNetworkInterfaces(net("lo", 10, 20))
            .build();

    Map<String, Double> series = extractor.extract(data).toMap();

    assertThat(series.get("disk.usage_percent")).isCloseTo(25.0, within(1e-9));
    assertThat(series.get("disk.read_bytes_per_sec")).isEqualTo(30.0);
    assertThat(series.get("disk.write_bytes_per_sec")).isEqualTo(3.0);
    assertThat(series.get("disk.sdb.read_bytes_per_sec")).isEqualTo(20.0);
    assertThat(series.get("network.bytes_sent_per_sec")).isEqualTo(11.0);
    assertThat(series.get("network.bytes_recv_per_sec")).isEqualTo(22.0);
    assertThat(series.get("network.lo.bytes_recv_per_sec")).isEqualTo(20.0);
  }

  @Test
  void groupsMissingFromTheSnapshotProduceNoSeries() {
    MetricsDataResponse onlyCpu =
        MetricsDataResponse.newBuilder().setCpu(CpuMetrics.newBuilder().setUsagePercent(3)).build();

    assertThat(extractor.extract(onlyCpu).toMap().keySet())
        .allMatch(name -> name.startsWith("cpu."));
  }

  @Test
  void instanceNamesAreMadeUrlSafe() {
    MetricsDataResponse data =
        MetricsDataResponse.newBuilder()
            .addNetworkInterfaces(net("br-1f/x.y", 1, 1))
            .addDisks(disk("", 10, 5, 0, 0).toBuilder().setMountPoint("/var/lib"))
            .setProcesses(
                ProcessMetrics.newBuilder()
                    .addTaskProcesses(
                        TaskProcessMetrics.newBuilder().setTaskId("web server").setCpuPercent(7)))
            .build();

    assertThat(extractor.extract(data).toMap())
        .containsKeys(
            "network.br-1f_x_y.bytes_sent_per_sec",
            "disk._var_lib.usage_percent",
            "task.web_server.cpu_percent");
  }

  @Test
  void instancesWithTheSameNameGiveOneSeriesWithTheLaterValueAtTheFirstPosition() {
    MetricsDataResponse data =
        MetricsDataResponse.newBuilder()
            .addNetworkInterfaces(net("a/b", 1, 1))
            .addNetworkInterfaces(net("lo", 5, 5))
            .addNetworkInterfaces(net("a.b", 2, 2))
            .addDisks(disk("/dev/sda", 10, 1, 3, 0))
            .addDisks(disk("sda", 10, 2, 4, 0))
            .build();

    Map<String, Double> series = extractor.extract(data).toMap();

    assertThat(series.get("network.a_b.bytes_sent_per_sec")).isEqualTo(2.0);
    assertThat(series.get("disk.sda.read_bytes_per_sec")).isEqualTo(4.0);
    assertThat(
            series.keySet().stream()
                .filter(n -> n.startsWith("network.") && n.endsWith(".drops_out")))
        .containsExactly("network.a_b.drops_out", "network.lo.drops_out");
    assertThat(extractor.extract(data).size()).isEqualTo(series.size());
  }

  @Test
  void manyInstancesWithOneDuplicateNameAreDeduplicatedToo() {
    MetricsDataResponse.Builder data = MetricsDataResponse.newBuilder();
    for (int i = 0; i < 40; i++) {
      data.addNetworkInterfaces(net("veth" + i, i, i));
    }
    data.addNetworkInterfaces(net("veth7", 700, 700));

    Map<String, Double> series = extractor.extract(data.build()).toMap();

    assertThat(series.get("network.veth7.bytes_recv_per_sec")).isEqualTo(700.0);
    assertThat(series.keySet().stream().filter(n -> n.endsWith(".errors_in"))).hasSize(40);
  }

  @Test
  void repeatedSnapshotsGiveTheSameNamesAndValues() {
    MetricsDataResponse data = Snapshots.sample(7);

    assertThat(extractor.extract(data).toMap()).isEqualTo(extractor.extract(data).toMap());
    assertThat(extractor.extract(data).sameNamesAs(extractor.extract(data))).isTrue();
  }

  @Test
  void uint64AboveLongMaxIsReadAsUnsigned() {
    assertThat(SeriesExtractor.unsigned(-1L)).isEqualTo(18446744073709551615.0);
    assertThat(SeriesExtractor.unsigned(42L)).isEqualTo(42.0);
  }

  private static DiskMetrics disk(String device, long total, long used, long read, long write) {
    return DiskMetrics.newBuilder()
        .setDevice(device)
        .setTotalBytes(total)
        .setUsedBytes(used)
        .setUsagePercent(total == 0 ? 0 : 100.0 * used / total)
        .setReadBytesPerSec(read)
        .setWriteBytesPerSec(write)
        .build();
  }

  private static NetworkMetrics net(String name, long sent, long recv) {
    return NetworkMetrics.newBuilder()
        .setInterface(name)
        .setBytesSentPerSec(sent)
        .setBytesRecvPerSec(recv)
        .build();
  }
}
