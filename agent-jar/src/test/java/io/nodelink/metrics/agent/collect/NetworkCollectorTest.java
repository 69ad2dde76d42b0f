package io.nodelink.metrics.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCollectorTest {
  private static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
          + " errs drop fifo colls carrier compressed\n";

  @TempDir Path dir;
  private ProcTree tree;
  private final FakeClock clock = new FakeClock();

  @BeforeEach
  void setUp() {
    tree = new ProcTree(dir);
  }

  private void netDev(String... lines) {
    tree.proc("net/dev", HEADER + String.join("\n", lines) + "\n");
  }

  private static String line(String name, long rx, long rxPk, long tx, long txPk) {
    return name + ": " + rx + " " + rxPk + " 1 2 0 0 0 0 " + tx + " " + txPk + " 3 4 0 0 0 0";
  }

  private List<NetworkMetrics> collect(NetworkCollector c) throws Exception {
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    c.collect(out);
    return out.getNetworkInterfacesList();
  }

  @Test
  void ratesAreCounterDeltasOverTheMonotonicInterval() throws Exception {
    NetworkCollector c = new NetworkCollector(tree.fs, new NameFilter("", "lo"), clock);
    netDev(line("lo", 0, 0, 0, 0), line("eth0", 1000, 10, 500, 5));
    c.prime();
    clock.advanceSeconds(2);
    netDev(line("lo", 9999, 99, 9999, 99), line("eth0", 5000, 30, 2500, 25));

    List<NetworkMetrics> m = collect(c);

    assertThat(m).extracting(NetworkMetrics::getInterface).containsExactly("eth0");
    NetworkMetrics eth0 = m.get(0);
    assertThat(eth0.getBytesRecvPerSec()).isEqualTo(2000);
    assertThat(eth0.getPacketsRecvPerSec()).isEqualTo(10);
    assertThat(eth0.getBytesSentPerSec()).isEqualTo(1000);
    assertThat(eth0.getPacketsSentPerSec()).isEqualTo(10);
    assertThat(eth0.getErrorsIn()).isEqualTo(1);
    assertThat(eth0.getDropsIn()).isEqualTo(2);
    assertThat(eth0.getErrorsOut()).isEqualTo(3);
    assertThat(eth0.getDropsOut()).isEqualTo(4);
  }

  @Test
  void aCounterResetGivesZeroNotANegativeOrHugeRate() throws Exception {
    NetworkCollector c = new NetworkCollector(tree.fs, NameFilter.acceptAll(), clock);
    netDev(line("eth0", 1_000_000, 1000, 1_000_000, 1000));
    c.prime();
    clock.advanceSeconds(1);
    netDev(line("eth0", 100, 1, 100, 1)); // driver reloaded

    NetworkMetrics m = collect(c).get(0);
    assertThat(m.getBytesRecvPerSec()).isZero();
    assertThat(m.getBytesSentPerSec()).isZero();

    clock.advanceSeconds(1);
    netDev(line("eth0", 1100, 11, 600, 6));
    m = collect(c).get(0);
    assertThat(m.getBytesRecvPerSec()).isEqualTo(1000);
    assertThat(m.getPacketsSentPerSec()).isEqualTo(5);
  }

  @Test
  void interfacesThatAppearStartAtZeroAndVanishedOnesAreDropped() throws Exception {
    NetworkCollector c = new NetworkCollector(tree.fs, NameFilter.acceptAll(), clock);
    netDev(line("eth0", 0, 0, 0, 0));
    c.prime();
    clock.advanceSeconds(1);
    netDev(line("wg0", 5_000_000, 5, 5_000_000, 5));

    List<NetworkMetrics> m = collect(c);

    assertThat(m).extracting(NetworkMetrics::getInterface).containsExactly("wg0");
    assertThat(m.get(0).getBytesRecvPerSec()).isZero();
  }

  @Test
  void includePatternSelectsInterfaces() throws Exception {
    NetworkCollector c = new NetworkCollector(tree.fs, new NameFilter("eth.*", ""), clock);
    netDev(line("eth0", 0, 0, 0, 0), line("docker0", 0, 0, 0, 0), line("eth1", 0, 0, 0, 0));
    c.prime();
    assertThat(collect(c)).extracting(NetworkMetrics::getInterface).containsExactly("eth0", "eth1");
  }
}
