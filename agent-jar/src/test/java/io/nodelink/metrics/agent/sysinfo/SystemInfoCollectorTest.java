package io.nodelink.metrics.agent.sysinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.agent.collect.DiskSpace;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.NameFilter;
import io.nodelink.metrics.agent.oshi.OshiSystem;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.spi.SystemInfoProvider;

class SystemInfoCollectorTest {
  @TempDir Path dir;

  /** A collector over a fixture tree for what the agent reads itself, and this host's OSHI. */
  private SystemInfoCollector collector() throws Exception {
    Path proc = dir.resolve("proc");
    Path sys = dir.resolve("sys");
    Path root = dir.resolve("root");
    Files.createDirectories(proc.resolve("sys/kernel"));
    Files.writeString(proc.resolve("sys/kernel/osrelease"), "6.1.0-test\n");
    Files.writeString(proc.resolve("sys/kernel/hostname"), "fixture-host\n");
    Files.writeString(
        proc.resolve("mounts"), "/dev/sda1 / ext4 rw 0 0\n/dev/nvme0n1 /data xfs rw 0 0\n");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        root.resolve("etc/os-release"), "NAME=\"Test Linux\"\nVERSION=\"9 (test)\"\nID=testos\n");
    Files.createDirectories(root.resolve("var/lib/dpkg"));
    Files.writeString(
        root.resolve("var/lib/dpkg/status"),
        "Package: bash\nStatus: install ok installed\nVersion: 5.2\n");
    // sda1 is a partition of a spinning disk; nvme0n1 is a whole SSD.
    Path sda = Files.createDirectories(sys.resolve("devices/block/sda"));
    Files.createDirectories(sda.resolve("queue"));
    Files.writeString(sda.resolve("queue/rotational"), "1\n");
    Files.createDirectories(sda.resolve("sda1"));
    Files.writeString(sda.resolve("sda1/partition"), "1\n");
    Path nvme = Files.createDirectories(sys.resolve("devices/block/nvme0n1/queue"));
    Files.writeString(nvme.resolve("rotational"), "0\n");
    Files.createDirectories(sys.resolve("class/block"));
    Files.createSymbolicLink(sys.resolve("class/block/sda"), sda);
    Files.createSymbolicLink(sys.resolve("class/block/sda1"), sda.resolve("sda1"));
    Files.createSymbolicLink(sys.resolve("class/block/nvme0n1"), nvme.getParent());
    SystemInfoProvider si = OshiSystem.forPlatform(HostPlatform.current());
    return new SystemInfoCollector(
        si.getHardware(),
        si.getOperatingSystem(),
        new ProcFs(proc, sys, root),
        new Filesystems(Set.of(), "", NameFilter.acceptAll()),
        mount -> new DiskSpace.Space(1000, 600, 500),
        new NameFilter("", "lo"),
        Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
  }

  @Test
  void fillsHardwareSoftwareAndInterfacesFromOshiAndTheHostsFiles() throws Exception {
    SystemInfoResponse info = collector().collect(SystemInfoRequest.getDefaultInstance());

    assertThat(info.getTimestamp()).isEqualTo(1_700_000_000L);
    assertThat(info.getHardware().getCpu().getThreads()).isPositive();
    assertThat(info.getHardware().getThreadCount())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(info.getHardware().getMemory().getTotalBytes()).isPositive();
    assertThat(info.getHardware().getDisksList())
        .extracting(d -> d.getMountPoint() + " " + d.getFilesystem() + " " + d.getDiskType())
        .containsExactly("/ ext4 HDD", "/data xfs SSD");
    assertThat(info.getHardware().getDisks(0).getTotalBytes()).isEqualTo(1000);
    assertThat(info.getHardware().getDisks(0).getAvailableBytes()).isEqualTo(500);
    assertThat(info.getSoftware().getOs().getName()).isEqualTo("Test Linux");
    assertThat(info.getSoftware().getOs().getVersion()).isEqualTo("9 (test)");
    assertThat(info.getSoftware().getOs().getDistribution()).isEqualTo("testos");
    assertThat(info.getSoftware().getOs().getKernelVersion()).isEqualTo("6.1.0-test");
    assertThat(info.getSoftware().getHostname()).isEqualTo("fixture-host");
    assertThat(info.getSoftware().getPackagesList())
        .singleElement()
        .satisfies(p -> assertThat(p.getPackageManager()).isEqualTo("dpkg"));
    assertThat(info.getNetworkInterfacesList()).noneMatch(n -> n.getName().equals("lo"));
  }

  @Test
  void onlyTheRequestedPartsAreFilled() throws Exception {
    SystemInfoResponse info =
        collector().collect(SystemInfoRequest.newBuilder().setIncludeSoftware(true).build());
    assertThat(info.hasSoftware()).isTrue();
    assertThat(info.hasHardware()).isFalse();
    assertThat(info.getNetworkInterfacesList()).isEmpty();
  }
}
