package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.DiskStat;
import io.nodelink.metrics.agent.procfs.MountEntry;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.procfs.ProcText;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Space and I/O of every real mounted filesystem. The mount table is re-read every {@code
 * mountRefreshNanos} (mounts change rarely); space is one statvfs per filesystem per sample; I/O
 * rates and {@code io_util_percent} (busy-time delta over elapsed time) come from one read of
 * {@code /proc/diskstats} over the monotonic clock.
 */
public final class DiskCollector implements Collector {
  private static final Logger LOG = Logger.getLogger(DiskCollector.class.getName());

  /** A selected filesystem and the {@code /proc/diskstats} name of its device. */
  record Target(MountEntry mount, String statName) {}

  private final ProcFs fs;
  private final ProcText diskstats;
  private final Filesystems filesystems;
  private final DiskSpace space;
  private final LongSupplier nanoClock;
  private final long mountRefreshNanos;
  private List<Target> targets;
  private long targetsNanos;
  private Map<String, DiskStat> previous = new HashMap<>();
  private long previousNanos;

  public DiskCollector(
      ProcFs fs,
      Filesystems filesystems,
      DiskSpace space,
      LongSupplier nanoClock,
      long mountRefreshNanos) {
    this.fs = fs;
    this.diskstats = new ProcText(fs.proc("diskstats"), 4096);
    this.filesystems = filesystems;
    this.space = space;
    this.nanoClock = nanoClock;
    this.mountRefreshNanos = mountRefreshNanos;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.DISK;
  }

  @Override
  public void prime() throws IOException {
    targets = null; // pick up mounts made while we were not streaming
    previous = DiskStat.parse(diskstats.load());
    previousNanos = nanoClock.getAsLong();
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) throws IOException {
    long now = nanoClock.getAsLong();
    if (targets == null || now - targetsNanos >= mountRefreshNanos) {
      targets = resolveTargets();
      targetsNanos = now;
    }
    Map<String, DiskStat> current = DiskStat.parse(diskstats.load());
    long elapsed = now - previousNanos;
    for (Target t : targets) {
      DiskSpace.Space s;
      try {
        s = space.read(t.mount().mountPoint());
      } catch (IOException e) {
        LOG.log(Level.FINE, "cannot stat {0}: {1}", new Object[] {t.mount().mountPoint(), e});
        continue; // unmounted since the last refresh
      }
      DiskMetrics.Builder m =
          DiskMetrics.newBuilder()
              .setDevice(t.mount().device())
              .setMountPoint(t.mount().mountPoint())
              .setTotalBytes(s.total())
              .setUsedBytes(s.used())
              .setAvailableBytes(s.available())
              .setUsagePercent(s.usagePercent());
      DiskStat cur = current.get(t.statName());
      DiskStat prev = previous.get(t.statName());
      if (cur != null && prev != null) {
        m.setReadBytesPerSec(Rates.perSecond(prev.readBytes(), cur.readBytes(), elapsed))
            .setWriteBytesPerSec(Rates.perSecond(prev.writeBytes(), cur.writeBytes(), elapsed))
            .setReadOpsPerSec(Rates.perSecond(prev.reads(), cur.reads(), elapsed))
            .setWriteOpsPerSec(Rates.perSecond(prev.writes(), cur.writes(), elapsed))
            .setIoUtilPercent(utilisation(prev, cur, elapsed));
      }
      out.addDisks(m);
    }
    previous = current;
    previousNanos = now;
  }

  static double utilisation(DiskStat prev, DiskStat cur, long elapsedNanos) {
    return Rates.percent(Rates.delta(prev.ioMillis(), cur.ioMillis()), elapsedNanos / 1e6);
  }

  private List<Target> resolveTargets() throws IOException {
    List<Target> result = new ArrayList<>();
    for (MountEntry m : filesystems.select(MountEntry.parse(fs.procLines("mounts")))) {
      result.add(new Target(m, statName(m.device())));
    }
    return result;
  }

  /**
   * The kernel name of a mounted device: {@code /dev/mapper/vg-root} resolves to {@code dm-0}
   * through its symlink, {@code /dev/sda1} is {@code sda1}.
   */
  public static String statName(String device) {
    if (!device.startsWith("/dev/")) {
      return device;
    }
    Path path = Path.of(device);
    try {
      if (Files.isSymbolicLink(path)) {
        path = path.toRealPath();
      }
    } catch (IOException | SecurityException e) {
      // Keep the name as mounted.
    }
    Path name = path.getFileName();
    return name == null ? device : name.toString();
  }
}
