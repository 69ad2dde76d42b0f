package io.nodelink.metrics.agent.oshi;

import static io.nodelink.metrics.agent.oshi.OshiFakes.disk;
import static io.nodelink.metrics.agent.oshi.OshiFakes.fileStore;
import static io.nodelink.metrics.agent.oshi.OshiFakes.networkIf;
import static io.nodelink.metrics.agent.oshi.OshiFakes.partition;
import static io.nodelink.metrics.agent.oshi.OshiFakes.process;
import static io.nodelink.metrics.agent.oshi.OshiFakes.storage;
import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.NameFilter;
import io.nodelink.metrics.agent.sysinfo.SystemDisks;
import io.nodelink.metrics.pb.DiskInfo;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.ProcessMetrics;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import oshi.software.os.OSProcess;

/** The Windows branches of the OSHI path, on fakes shaped like OSHI's Windows answers. */
class WindowsBranchesTest {
  private static final long SECOND = 1_000_000_000L;
  private final long[] clock = {SECOND};
  private final Filesystems filesystems =
      new Filesystems(
          Set.of(Filesystems.DEFAULT_EXCLUDED_TYPES.split(",")),
          Filesystems.DEFAULT_EXCLUDED_MOUNTS,
          NameFilter.acceptAll());

  @Test
  void filesystemsAreReportedByDriveLetterWithTheirDisksRates() {
    long[] c = {100, 1_000_000, 50, 2_000_000, 10_000};
    OshiStorage s =
        storage(
            List.of(
                fileStore(
                    "Local Disk (C:)", "\\\\?\\Volume{1234}\\", "C:\\", "NTFS", 1000, 400, 400),
                fileStore("Data (D:)", "\\\\?\\Volume{5678}\\", "D:\\", "ReFS", 2000, 1500, 1500),
                fileStore("DVD (E:)", "\\\\?\\Volume{9}\\", "E:\\", "CDFS", 0, 0, 0)),
            List.of(
                disk(
                    "\\\\.\\PHYSICALDRIVE0",
                    "SSD",
                    c,
                    partition("Disk #0, Partition #1", "C:\\"))));
    OshiDiskCollector collector =
        new OshiDiskCollector(
            s,
            OshiFakes.spaceOf(s),
            filesystems,
            HostPlatform.WINDOWS,
            () -> clock[0],
            60 * SECOND);

    collector.prime();
    clock[0] += 2 * SECOND;
    c[0] += 200;
    c[1] += 4_000_000;
    c[4] += 500; // busy 500 ms of 2 s
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    collector.collect(out);

    assertThat(out.getDisksList()).extracting(DiskMetrics::getDevice).containsExactly("C:", "D:");
    DiskMetrics cDrive = out.getDisks(0);
    assertThat(cDrive.getMountPoint()).isEqualTo("C:\\");
    assertThat(cDrive.getUsedBytes()).isEqualTo(600);
    assertThat(cDrive.getUsagePercent()).isEqualTo(60.0);
    assertThat(cDrive.getReadBytesPerSec()).isEqualTo(2_000_000);
    assertThat(cDrive.getReadOpsPerSec()).isEqualTo(100);
    assertThat(cDrive.getIoUtilPercent()).isEqualTo(25.0);
    // D: sits on a disk OSHI does not list: space only, its rates named unavailable.
    assertThat(out.getDisks(1).getReadBytesPerSec()).isZero();
    assertThat(collector.unavailableFields())
        .contains("disk.io_util_percent", "disk.read_bytes_per_sec");
  }

  @Test
  void interfacesAreReportedUnderTheirAliasesSpacesIncluded() {
    long[] eth = {1000, 2000, 10, 20};
    long[] vswitch = {0, 0, 0, 0};
    long[] loop = {0, 0, 0, 0};
    OshiNetworkCollector collector =
        new OshiNetworkCollector(
            () ->
                List.of(
                    networkIf("eth0", "Ethernet 2", eth),
                    networkIf("eth1", "vEthernet (Default Switch)", vswitch),
                    networkIf("lo", "Loopback Pseudo-Interface 1", loop)),
            new NameFilter("", "lo"),
            HostPlatform.WINDOWS,
            () -> clock[0],
            60 * SECOND);

    collector.prime();
    clock[0] += SECOND;
    eth[0] += 5000;
    eth[3] += 7;
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    collector.collect(out);

    assertThat(out.getNetworkInterfacesList())
        .extracting(NetworkMetrics::getInterface)
        .containsExactly("Ethernet 2", "vEthernet (Default Switch)");
    NetworkMetrics m = out.getNetworkInterfaces(0);
    assertThat(m.getBytesSentPerSec()).isEqualTo(5000);
    assertThat(m.getPacketsRecvPerSec()).isEqualTo(7);
    assertThat(m.getErrorsIn()).isEqualTo(1);
    assertThat(m.getDropsIn()).isEqualTo(3);
    assertThat(m.getDropsOut()).isZero();
    assertThat(collector.unavailableFields()).containsExactly("network.drops_out");
  }

  @Test
  void processStatesAreUnavailableButTheTotalAndTrackedProcessesAreNot() {
    OshiProcesses processes =
        new OshiProcesses() {
          @Override
          public List<OSProcess> all() {
            return List.of(
                process(4, "System", OSProcess.State.RUNNING),
                process(812, "nginx", OSProcess.State.RUNNING),
                process(900, "nginx", OSProcess.State.SUSPENDED));
          }

          @Override
          public OSProcess byPid(int pid) {
            return null;
          }
        };
    OshiProcessCollector collector =
        new OshiProcessCollector(
            processes,
            List.of(
                new io.nodelink.metrics.agent.collect.TrackRule(
                    "web", java.util.regex.Pattern.compile("nginx"), null, null)),
            HostPlatform.WINDOWS,
            () -> clock[0],
            0);

    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    collector.collect(out);

    ProcessMetrics p = out.getProcesses();
    assertThat(p.getTotalProcesses()).isEqualTo(3);
    assertThat(p.getRunningProcesses()).isZero();
    assertThat(p.getSleepingProcesses()).isZero();
    assertThat(collector.unavailableFields())
        .containsExactly("processes.running_processes", "processes.sleeping_processes");
    assertThat(p.getTaskProcesses(0).getTaskId()).isEqualTo("web");
    assertThat(p.getTaskProcesses(0).getPid()).isEqualTo(812);
    assertThat(p.getTaskProcesses(0).getMemoryBytes()).isEqualTo(2 * 4096);
  }

  @Test
  void systemInfoListsDrivesWithTheirDiskType() throws Exception {
    OshiStorage s =
        storage(
            List.of(
                fileStore("Local Disk (C:)", "\\\\?\\Volume{1}\\", "C:\\", "NTFS", 1000, 400, 300)),
            List.of(
                disk(
                    "\\\\.\\PHYSICALDRIVE0",
                    "SSD",
                    new long[5],
                    partition("Disk #0, Partition #1", "C:"))));

    List<DiskInfo> disks = SystemDisks.oshi(s, filesystems, HostPlatform.WINDOWS).list();

    assertThat(disks).hasSize(1);
    assertThat(disks.get(0).getDevice()).isEqualTo("C:");
    assertThat(disks.get(0).getFilesystem()).isEqualTo("NTFS");
    assertThat(disks.get(0).getAvailableBytes()).isEqualTo(300);
    assertThat(disks.get(0).getDiskType()).isEqualTo("SSD");
  }
}
