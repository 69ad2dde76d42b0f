package io.nodelink.metrics.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nodelink.metrics.agent.Fixtures;
import io.nodelink.metrics.agent.procfs.MountEntry;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCollectorTest {
  @TempDir Path dir;
  private ProcTree tree;
  private final FakeClock clock = new FakeClock();
  private final Map<String, DiskSpace.Space> space = new HashMap<>();
  private final Filesystems filesystems =
      new Filesystems(
          Set.of(Filesystems.DEFAULT_EXCLUDED_TYPES.split(",")),
          Filesystems.DEFAULT_EXCLUDED_MOUNTS,
          NameFilter.acceptAll());

  @BeforeEach
  void setUp() {
    tree = new ProcTree(dir);
    tree.proc(
        "mounts", "/dev/vda / ext4 rw 0 0\n/dev/sda1 /data xfs rw 0 0\ntmpfs /run tmpfs rw 0 0\n");
    space.put("/", new DiskSpace.Space(1000, 400, 300));
    space.put("/data", new DiskSpace.Space(2000, 2000, 2000));
  }

  private DiskCollector collector(long refreshNanos) {
    DiskSpace fake =
        mount -> {
          DiskSpace.Space s = space.get(mount);
          if (s == null) {
            throw new IOException("not mounted: " + mount);
          }
          return s;
        };
    return new DiskCollector(tree.fs, filesystems, fake, clock, refreshNanos);
  }

  private static String stat(
      String name, long reads, long rsect, long writes, long wsect, long io) {
    return "8 0 "
        + name
        + " "
        + reads
        + " 0 "
        + rsect
        + " 0 "
        + writes
        + " 0 "
        + wsect
        + " 0 0 "
        + io
        + " 0 0 0 0 0 0 0";
  }

  private List<DiskMetrics> collect(DiskCollector c) throws Exception {
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    c.collect(out);
    return out.getDisksList();
  }

  @Test
  void pseudoFilesystemsPrivateTreesAndBindMountDuplicatesAreLeftOut() {
    List<MountEntry> chosen = filesystems.select(MountEntry.parse(Fixtures.lines("mounts")));
    assertThat(chosen)
        .extracting(MountEntry::mountPoint)
        .containsExactly("/", "/srv/bind"); // "/mnt/my data" is the longer of sda1's two mounts
  }

  @Test
  void userPatternsIncludeAndExcludeByMountPointOrDevice() {
    List<MountEntry> mounts = MountEntry.parse(Fixtures.lines("mounts"));
    Set<String> none = Set.of();
    assertThat(new Filesystems(none, "", new NameFilter("/dev/vd.*", "")).select(mounts))
        .extracting(MountEntry::mountPoint)
        .containsExactly("/", "/var/lib/docker");
    assertThat(
            new Filesystems(
                    Set.of("proc", "sysfs", "devtmpfs", "tmpfs", "overlay", "cgroup2"),
                    "",
                    new NameFilter("", "/srv/.*|/var/.*"))
                .select(mounts))
        .extracting(MountEntry::mountPoint)
        .containsExactly("/", "/mnt/my data");
  }

  @Test
  void spaceRatesAndUtilisationOverTheInterval() throws Exception {
    DiskCollector c = collector(Long.MAX_VALUE);
    tree.proc("diskstats", stat("vda", 100, 1000, 50, 2000, 10_000) + "\n");
    c.prime();
    clock.advanceSeconds(2);
    tree.proc("diskstats", stat("vda", 300, 5000, 150, 6000, 10_500) + "\n");

    List<DiskMetrics> disks = collect(c);

    assertThat(disks).extracting(DiskMetrics::getMountPoint).containsExactly("/", "/data");
    DiskMetrics root = disks.get(0);
    assertThat(root.getDevice()).isEqualTo("/dev/vda");
    assertThat(root.getTotalBytes()).isEqualTo(1000);
    assertThat(root.getUsedBytes()).isEqualTo(600);
    assertThat(root.getAvailableBytes()).isEqualTo(300);
    assertThat(root.getUsagePercent()).isCloseTo(600 * 100.0 / 900, within(1e-9));
    assertThat(root.getReadBytesPerSec()).isEqualTo(4000 * 512 / 2);
    assertThat(root.getWriteBytesPerSec()).isEqualTo(4000 * 512 / 2);
    assertThat(root.getReadOpsPerSec()).isEqualTo(100);
    assertThat(root.getWriteOpsPerSec()).isEqualTo(50);
    assertThat(root.getIoUtilPercent()).isCloseTo(25, within(1e-9)); // 500 ms busy in 2 s
    DiskMetrics data = disks.get(1);
    assertThat(data.getReadBytesPerSec()).isZero(); // no diskstats line for sda1
  }

  @Test
  void busyTimeIsCappedAtAHundredAndResetsGiveZero() throws Exception {
    DiskCollector c = collector(Long.MAX_VALUE);
    tree.proc("diskstats", stat("vda", 100, 1000, 50, 2000, 10_000) + "\n");
    c.prime();
    clock.advanceSeconds(1);
    tree.proc("diskstats", stat("vda", 200, 2000, 60, 3000, 12_000) + "\n");
    assertThat(collect(c).get(0).getIoUtilPercent()).isEqualTo(100);
    clock.advanceSeconds(1);
    tree.proc("diskstats", stat("vda", 5, 10, 1, 10, 3) + "\n"); // device re-attached
    DiskMetrics m = collect(c).get(0);
    assertThat(m.getReadBytesPerSec()).isZero();
    assertThat(m.getWriteOpsPerSec()).isZero();
    assertThat(m.getIoUtilPercent()).isZero();
  }

  @Test
  void mountTableIsReReadOnlyAfterTheRefreshPeriodAndVanishedMountsAreSkipped() throws Exception {
    DiskCollector c = collector(java.util.concurrent.TimeUnit.SECONDS.toNanos(60));
    tree.proc("diskstats", "");
    c.prime();
    assertThat(collect(c)).hasSize(2);
    tree.proc("mounts", "/dev/vda / ext4 rw 0 0\n");
    space.remove("/data"); // unmounted
    clock.advanceSeconds(1);
    assertThat(collect(c)).extracting(DiskMetrics::getMountPoint).containsExactly("/");
    clock.advanceSeconds(60);
    assertThat(collect(c)).extracting(DiskMetrics::getMountPoint).containsExactly("/");
  }
}
