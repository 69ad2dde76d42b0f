package io.nodelink.metrics.agent.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.agent.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcParsersTest {

  @Test
  void meminfoCountsReclaimableSlabAsCacheLikeFree() {
    MemInfo m = MemInfo.parse(Fixtures.lines("meminfo"));
    assertThat(m.total()).isEqualTo(24683620L * 1024);
    assertThat(m.free()).isEqualTo(22374848L * 1024);
    assertThat(m.available()).isEqualTo(23543172L * 1024);
    assertThat(m.buffers()).isEqualTo(10868L * 1024);
    assertThat(m.cached()).isEqualTo((1336472L + 55640L) * 1024);
    assertThat(m.used()).isEqualTo((24683620L - 22374848 - 10868 - 1336472 - 55640) * 1024);
    assertThat(m.swapTotal()).isEqualTo(2097148L * 1024);
    assertThat(m.swapFree()).isEqualTo(1048572L * 1024);
  }

  @Test
  void meminfoWithoutMemAvailableFallsBackToFreePlusCaches() {
    MemInfo m =
        MemInfo.parse(
            List.of("MemTotal: 1000 kB", "MemFree: 100 kB", "Buffers: 10 kB", "Cached: 200 kB"));
    assertThat(m.available()).isEqualTo(310L * 1024);
  }

  @Test
  void diskstatsGivesBytesFromSectorsAndBusyTimeAndSkipsBadLines() {
    Map<String, DiskStat> d = DiskStat.parse(Fixtures.lines("diskstats"));
    assertThat(d).containsKeys("loop0", "vda", "sda", "sda1").doesNotContainKey("dm-0");
    DiskStat vda = d.get("vda");
    assertThat(vda.reads()).isEqualTo(35595);
    assertThat(vda.readBytes()).isEqualTo(1887690L * 512);
    assertThat(vda.writes()).isEqualTo(5843);
    assertThat(vda.writeBytes()).isEqualTo(3423168L * 512);
    assertThat(vda.ioMillis()).isEqualTo(7072);
    assertThat(d.get("sda").ioMillis()).isEqualTo(500); // older kernels: 14 fields
  }

  @Test
  void netDevReadsBothDirectionsAndSkipsHeaders() {
    Map<String, NetDev> n = NetDev.parse(Fixtures.lines("net-dev"));
    assertThat(n).containsOnlyKeys("lo", "eth0");
    NetDev eth0 = n.get("eth0");
    assertThat(eth0.bytesRecv()).isEqualTo(562820680L);
    assertThat(eth0.packetsRecv()).isEqualTo(13905);
    assertThat(eth0.errorsIn()).isEqualTo(3);
    assertThat(eth0.dropsIn()).isEqualTo(4);
    assertThat(eth0.bytesSent()).isEqualTo(805239);
    assertThat(eth0.packetsSent()).isEqualTo(9031);
    assertThat(eth0.errorsOut()).isEqualTo(5);
    assertThat(eth0.dropsOut()).isEqualTo(6);
  }

  @Test
  void mountsDecodeOctalEscapes() {
    List<MountEntry> m = MountEntry.parse(Fixtures.lines("mounts"));
    assertThat(m).hasSize(10);
    assertThat(m.get(4))
        .isEqualTo(new MountEntry("/dev/sda1", "/mnt/my data", "xfs", "rw,relatime"));
  }

  @Test
  void pidStatSurvivesNamesWithParenthesesAndSpaces() {
    String line = Fixtures.text("pid-stat").trim();
    PidStat s = PidStat.parse(line);
    assertThat(s).isNotNull();
    assertThat(s.pid()).isEqualTo(1234);
    assertThat(s.comm()).isEqualTo("my (odd) name");
    assertThat(s.state()).isEqualTo('S');
    assertThat(s.cpuTicks()).isEqualTo(300);
    assertThat(s.threads()).isEqualTo(7);
    assertThat(s.startTicks()).isEqualTo(4242);
    assertThat(s.virtualBytes()).isEqualTo(123456789);
    assertThat(s.rssPages()).isEqualTo(2048);
    byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
    assertThat(PidStat.stateOf(bytes, bytes.length)).isEqualTo('S');
  }

  @Test
  void malformedPidStatIsNullNotAnException() {
    assertThat(PidStat.parse("garbage")).isNull();
    assertThat(PidStat.parse("12 (x) R 1 2")).isNull();
    assertThat(PidStat.stateOf(new byte[] {'1', ' ', '(', 'x'}, 4)).isEqualTo((char) 0);
  }

  @Test
  void processStatesCountLikeTop() {
    ProcessStates.Counter c = new ProcessStates.Counter();
    for (char s : "RRSSDIZTt".toCharArray()) {
      c.add(s);
    }
    assertThat(c.result()).isEqualTo(new ProcessStates(9, 2, 4, 1));
  }

  @Test
  void onlyNumericProcEntriesArePids() {
    assertThat(ProcessTable.parsePid("4242")).isEqualTo(4242);
    assertThat(ProcessTable.parsePid("self")).isEqualTo(-1);
    assertThat(ProcessTable.parsePid("")).isEqualTo(-1);
  }
}
