package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.collect.Collector;
import io.nodelink.metrics.agent.collect.DiskSpace;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.collect.Rates;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import oshi.hardware.HWDiskStore;

/**
 * Space of every real local filesystem from OSHI's file stores, and I/O rates from the physical
 * disk each one lives on. OSHI counts I/O per disk, not per partition or volume, so a disk's rates
 * are reported on the first of its filesystems (mount order) and 0 on the others: the sums over the
 * host stay right. {@code io_util_percent} is the disk's busy-time delta over elapsed time; macOS
 * has no busy time (OSHI's transfer time there is summed latency), so it is 0 and named
 * unavailable. Which filesystems and disks: {@link OshiVolumes}.
 */
public final class OshiDiskCollector implements Collector {
  private static final List<String> NO_UTIL = List.of("disk.io_util_percent");
  private static final List<String> NO_IO =
      List.of(
          "disk.read_bytes_per_sec",
          "disk.write_bytes_per_sec",
          "disk.read_ops_per_sec",
          "disk.write_ops_per_sec",
          "disk.io_util_percent");

  /**
   * A selected filesystem.
   *
   * @param disk the disk it lives on, or null when OSHI lists none for it
   * @param ownsIo whether this filesystem reports that disk's rates
   */
  record Target(String device, String mountPoint, HWDiskStore disk, boolean ownsIo) {}

  /** Cumulative counters of one disk. */
  private record Counters(long reads, long readBytes, long writes, long writeBytes, long busyMs) {}

  private final OshiStorage storage;
  private final DiskSpace space;
  private final Filesystems filesystems;
  private final HostPlatform platform;
  private final LongSupplier nanoClock;
  private final long refreshNanos;
  private List<Target> targets;
  private long targetsNanos;
  private Map<String, Counters> previous = new HashMap<>();
  private long previousNanos;
  private List<String> unavailable = List.of();

  /**
   * @param storage OSHI's filesystems and disks, listed every {@code refreshNanos}
   * @param space the size of a filesystem each sample (the JDK's: OSHI's own refresh of one file
   *     store re-lists them all, ten times the cost of the whole {@code /proc} snapshot on Linux)
   */
  public OshiDiskCollector(
      OshiStorage storage,
      DiskSpace space,
      Filesystems filesystems,
      HostPlatform platform,
      LongSupplier nanoClock,
      long refreshNanos) {
    this.storage = storage;
    this.space = space;
    this.filesystems = filesystems;
    this.platform = platform;
    this.nanoClock = nanoClock;
    this.refreshNanos = refreshNanos;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.DISK;
  }

  @Override
  public void prime() {
    targets = resolveTargets();
    targetsNanos = nanoClock.getAsLong();
    previous = counters();
    previousNanos = nanoClock.getAsLong();
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) {
    long now = nanoClock.getAsLong();
    if (targets == null || now - targetsNanos >= refreshNanos) {
      targets = resolveTargets();
      targetsNanos = now;
    }
    Map<String, Counters> current = counters();
    long elapsed = now - previousNanos;
    boolean missingDisk = false;
    for (Target t : targets) {
      DiskSpace.Space s;
      try {
        s = space.read(t.mountPoint());
      } catch (IOException e) {
        continue; // unmounted since the last refresh
      }
      if (s.total() <= 0) {
        continue; // an empty optical drive
      }
      DiskMetrics.Builder m =
          DiskMetrics.newBuilder()
              .setDevice(t.device())
              .setMountPoint(t.mountPoint())
              .setTotalBytes(s.total())
              .setUsedBytes(s.used())
              .setAvailableBytes(s.available())
              .setUsagePercent(s.usagePercent());
      missingDisk |= t.disk() == null;
      if (t.ownsIo()) {
        addRates(m, previous.get(t.disk().getName()), current.get(t.disk().getName()), elapsed);
      }
      out.addDisks(m);
    }
    previous = current;
    previousNanos = now;
    unavailable = unavailable(missingDisk);
  }

  @Override
  public List<String> unavailableFields() {
    return unavailable;
  }

  private List<String> unavailable(boolean missingDisk) {
    if (missingDisk) {
      return NO_IO;
    }
    return platform == HostPlatform.MACOS ? NO_UTIL : List.of();
  }

  private void addRates(DiskMetrics.Builder m, Counters prev, Counters cur, long elapsed) {
    if (prev == null || cur == null) {
      return; // a disk seen for the first time has no interval yet
    }
    m.setReadBytesPerSec(Rates.perSecond(prev.readBytes(), cur.readBytes(), elapsed))
        .setWriteBytesPerSec(Rates.perSecond(prev.writeBytes(), cur.writeBytes(), elapsed))
        .setReadOpsPerSec(Rates.perSecond(prev.reads(), cur.reads(), elapsed))
        .setWriteOpsPerSec(Rates.perSecond(prev.writes(), cur.writes(), elapsed));
    if (platform != HostPlatform.MACOS) {
      m.setIoUtilPercent(Rates.percent(Rates.delta(prev.busyMs(), cur.busyMs()), elapsed / 1e6));
    }
  }

  /** Fresh counters of the disks the targets live on. */
  private Map<String, Counters> counters() {
    Map<String, Counters> out = new HashMap<>();
    for (Target t : targets) {
      HWDiskStore d = t.disk();
      if (t.ownsIo() && d.updateAttributes()) {
        out.put(
            d.getName(),
            new Counters(
                d.getReads(),
                d.getReadBytes(),
                d.getWrites(),
                d.getWriteBytes(),
                d.getTransferTime()));
      }
    }
    return out;
  }

  private List<Target> resolveTargets() {
    Set<String> owned = new HashSet<>();
    List<Target> result = new ArrayList<>();
    for (OshiVolumes.Volume v : OshiVolumes.select(storage, filesystems, platform)) {
      boolean owns = v.disk() != null && owned.add(v.disk().getName());
      result.add(new Target(v.device(), v.mountPoint(), v.disk(), owns));
    }
    return result;
  }
}
