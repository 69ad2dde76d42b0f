package io.nodelink.metrics.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.agent.oshi.OshiSystem;
import io.nodelink.metrics.agent.procfs.CpuTimes;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import oshi.hardware.CentralProcessor;

/**
 * On this Linux host, the counters the CPU and load collectors read from {@code /proc} directly are
 * the ones OSHI reads: OSHI's CPU counters are {@code /proc/stat}'s clock ticks scaled to
 * milliseconds (×10 at USER_HZ 100), so read between two direct reads they lie between them, field
 * by field; a load average is what {@code /proc/loadavg} said just before or just after.
 */
@EnabledOnOs(OS.LINUX)
class CpuAndLoadAgreementTest {
  private final ProcFs fs = ProcFs.system();
  // A fresh OSHI instance: its memoised counters are read now, not some earlier sample's.
  private final CentralProcessor oshi =
      OshiSystem.forPlatform(HostPlatform.LINUX).getHardware().getProcessor();

  @Test
  void cpuCountersAreOshisInClockTicks() throws Exception {
    CpuTicks direct = CpuTicks.procfs(fs);
    CpuTimes before = direct.read();
    CpuTimes viaOshi = CpuTicks.oshi(oshi).read();
    CpuTimes after = direct.read();

    assertBetween("total", before.total(), viaOshi.total(), after.total());
    assertThat(viaOshi.perCpu()).hasNumberOfRows(before.perCpu().length);
    for (int i = 0; i < before.perCpu().length; i++) {
      assertBetween("cpu" + i, before.perCpu()[i], viaOshi.perCpu()[i], after.perCpu()[i]);
    }
  }

  @Test
  void loadAveragesAreOshis() throws Exception {
    LoadCollector direct = LoadCollector.procfs(fs);
    LoadMetrics before = load(direct);
    LoadMetrics viaOshi = load(new LoadCollector(oshi));
    LoadMetrics after = load(direct);

    assertThat(viaOshi).isIn(before, after);
    assertThat(direct.unavailableFields()).isEmpty();
  }

  private static LoadMetrics load(LoadCollector c) throws Exception {
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    c.collect(out);
    return out.getLoad();
  }

  private static void assertBetween(String what, long[] lo, long[] oshiMillis, long[] hi) {
    assertThat(oshiMillis).as(what).hasSize(CpuTimes.FIELDS);
    for (int f = 0; f < CpuTimes.FIELDS; f++) {
      assertThat(oshiMillis[f] / 10).as(what + " field " + f).isBetween(lo[f], hi[f]);
    }
  }
}
