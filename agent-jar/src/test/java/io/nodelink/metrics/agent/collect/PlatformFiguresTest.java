package io.nodelink.metrics.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.hardware.Sensors;

/** Figures some platforms lack: present as 0 and named in collection.unavailable_fields. */
class PlatformFiguresTest {
  private final Sensors noSensor =
      new Sensors() {
        @Override
        public double getCpuTemperature() {
          return 0;
        }

        @Override
        public int[] getFanSpeeds() {
          return new int[0];
        }

        @Override
        public double getCpuVoltage() {
          return 0;
        }
      };

  @Test
  void windowsHasNoLoadAverage() throws Exception {
    FakeCentralProcessor cpu = new FakeCentralProcessor(); // OSHI on Windows: -1, -1, -1
    LoadCollector load = new LoadCollector(cpu);
    CollectorRegistry registry = new CollectorRegistry(List.of(load));

    MetricsDataResponse m = registry.collect(java.util.EnumSet.of(MetricGroup.LOAD));

    assertThat(m.getLoad().getLoad1()).isZero();
    assertThat(m.getLoad().getLoad15()).isZero();
    assertThat(m.getCollection().getUnavailableFieldsList())
        .containsExactly("load.load1", "load.load5", "load.load15");
  }

  @Test
  void aLoadAverageIsAvailableWhereTheOsHasOne() throws Exception {
    FakeCentralProcessor cpu = new FakeCentralProcessor();
    cpu.load = new double[] {0.5, 0.4, 0.3};
    LoadCollector load = new LoadCollector(cpu);

    load.collect(MetricsDataResponse.newBuilder());

    assertThat(load.unavailableFields()).isEmpty();
  }

  @Test
  void macOsAndWindowsHaveNoIowaitAndAMissingSensorIsNamed() throws Exception {
    FakeCentralProcessor cpu = new FakeCentralProcessor().ticks(1, 0, 1, 8, 0, 0, 0, 0);
    CpuCollector mac = new CpuCollector(cpu, noSensor, HostPlatform.MACOS);
    CpuCollector linux = new CpuCollector(cpu, noSensor, HostPlatform.LINUX);

    mac.collect(MetricsDataResponse.newBuilder());
    linux.collect(MetricsDataResponse.newBuilder());

    assertThat(mac.unavailableFields())
        .containsExactly("cpu.iowait_percent", "cpu.temperature_celsius");
    assertThat(linux.unavailableFields()).containsExactly("cpu.temperature_celsius");
  }

  @Test
  void platformsFromTheJvmsOsName() throws Exception {
    assertThat(HostPlatform.of("Windows Server 2022")).isEqualTo(HostPlatform.WINDOWS);
    assertThat(HostPlatform.of("Mac OS X")).isEqualTo(HostPlatform.MACOS);
    assertThat(HostPlatform.of("Linux")).isEqualTo(HostPlatform.LINUX);
    assertThat(HostPlatform.of("FreeBSD")).isEqualTo(HostPlatform.OTHER);
  }

  @Test
  void procfsFilesAreMissingUnderAnEmptyRoot(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    ProcTree empty = new ProcTree(dir.resolve("empty"));
    ProcTree full =
        new ProcTree(dir.resolve("full"))
            .proc("meminfo", "MemTotal: 1 kB\n")
            .proc("42/stat", "42 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1 1\n");

    assertThat(new ProcfsProbe(empty.fs).hasFiles("meminfo")).isFalse();
    assertThat(new ProcfsProbe(empty.fs).hasProcesses()).isFalse();
    assertThat(new ProcfsProbe(full.fs).hasFiles("meminfo")).isTrue();
    assertThat(new ProcfsProbe(full.fs).hasFiles("meminfo", "net/dev")).isFalse();
    assertThat(new ProcfsProbe(full.fs).hasProcesses()).isTrue();
  }
}
