package io.nodelink.metrics.agent.oshi;

import static io.nodelink.metrics.agent.oshi.OshiFakes.disk;
import static io.nodelink.metrics.agent.oshi.OshiFakes.fileStore;
import static io.nodelink.metrics.agent.oshi.OshiFakes.partition;
import static io.nodelink.metrics.agent.oshi.OshiFakes.storage;
import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.NameFilter;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The macOS branches of the OSHI path: APFS volumes sharing one container. */
class MacBranchesTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long GB = 1L << 30;
  private final long[] clock = {SECOND};

  /** What OSHI lists on an Apple-silicon Mac: one APFS container, many volumes. */
  private final long[] container = {1000, 50_000_000, 500, 80_000_000, 0};

  private final OshiStorage storage =
      storage(
          List.of(
              fileStore(
                  "Macintosh HD", "/dev/disk3s1s1", "/", "apfs", 494 * GB, 300 * GB, 300 * GB),
              fileStore("devfs", "devfs", "/dev", "devfs", 200_000, 0, 0),
              fileStore(
                  "VM", "/dev/disk3s6", "/System/Volumes/VM", "apfs", 494 * GB, 300 * GB, 300 * GB),
              fileStore(
                  "Preboot",
                  "/dev/disk3s2",
                  "/System/Volumes/Preboot",
                  "apfs",
                  494 * GB,
                  300 * GB,
                  300 * GB),
              fileStore(
                  "Update",
                  "/dev/disk3s4",
                  "/System/Volumes/Update",
                  "apfs",
                  494 * GB,
                  300 * GB,
                  300 * GB),
              fileStore(
                  "Data",
                  "/dev/disk3s5",
                  "/System/Volumes/Data",
                  "apfs",
                  494 * GB,
                  300 * GB,
                  300 * GB)),
          List.of(
              disk("disk0", "SSD", new long[5], partition("disk0s1", ""), partition("disk0s2", "")),
              disk("disk3", "SSD", container)));

  private final Filesystems filesystems =
      new Filesystems(
          Set.of(Filesystems.DEFAULT_EXCLUDED_TYPES.split(",")),
          Filesystems.DEFAULT_EXCLUDED_MOUNTS,
          NameFilter.acceptAll());

  @Test
  void theRootAndDataVolumesAreReportedAndTheContainersIoOnce() {
    OshiDiskCollector collector =
        new OshiDiskCollector(
            storage,
            OshiFakes.spaceOf(storage),
            filesystems,
            HostPlatform.MACOS,
            () -> clock[0],
            60 * SECOND);

    collector.prime();
    clock[0] += SECOND;
    container[1] += 1_000_000;
    container[4] += 5_000; // summed latency, not busy time: never shown as utilisation
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    collector.collect(out);

    assertThat(out.getDisksList())
        .extracting(DiskMetrics::getMountPoint)
        .containsExactly("/", "/System/Volumes/Data");
    assertThat(out.getDisks(0).getDevice()).isEqualTo("/dev/disk3s1s1");
    assertThat(out.getDisks(0).getReadBytesPerSec()).isEqualTo(1_000_000);
    assertThat(out.getDisks(0).getIoUtilPercent()).isZero();
    assertThat(out.getDisks(1).getReadBytesPerSec()).isZero(); // same container: counted once
    assertThat(out.getDisks(1).getTotalBytes()).isEqualTo(494 * GB);
    assertThat(collector.unavailableFields()).containsExactly("disk.io_util_percent");
  }

  @Test
  void anApfsVolumeBelongsToItsSynthesizedContainerDisk() {
    assertThat(OshiVolumes.diskOf("/dev/disk3s1s1", "/", storage.diskStores()).getName())
        .isEqualTo("disk3");
    assertThat(OshiVolumes.diskOf("/dev/disk0s2", "/Volumes/Old", storage.diskStores()).getName())
        .isEqualTo("disk0");
    assertThat(OshiVolumes.diskOf("/dev/disk9s1", "/Volumes/USB", storage.diskStores())).isNull();
  }
}
