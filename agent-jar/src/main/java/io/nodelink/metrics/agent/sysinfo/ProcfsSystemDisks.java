package io.nodelink.metrics.agent.sysinfo;

import io.nodelink.metrics.agent.collect.DiskCollector;
import io.nodelink.metrics.agent.collect.DiskSpace;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.procfs.MountEntry;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.pb.DiskInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** System info's filesystems from {@code /proc/mounts}, statvfs and sysfs's rotational flag. */
final class ProcfsSystemDisks implements SystemDisks {
  private static final Logger LOG = Logger.getLogger(ProcfsSystemDisks.class.getName());

  private final ProcFs fs;
  private final Filesystems filesystems;
  private final DiskSpace space;

  ProcfsSystemDisks(ProcFs fs, Filesystems filesystems, DiskSpace space) {
    this.fs = fs;
    this.filesystems = filesystems;
    this.space = space;
  }

  @Override
  public List<DiskInfo> list() throws IOException {
    List<DiskInfo> disks = new ArrayList<>();
    for (MountEntry m : filesystems.select(MountEntry.parse(fs.procLines("mounts")))) {
      DiskInfo.Builder d =
          DiskInfo.newBuilder()
              .setDevice(m.device())
              .setMountPoint(m.mountPoint())
              .setFilesystem(m.fsType())
              .setDiskType(diskType(DiskCollector.statName(m.device())));
      try {
        DiskSpace.Space s = space.read(m.mountPoint());
        d.setTotalBytes(s.total()).setAvailableBytes(s.available());
      } catch (IOException e) {
        LOG.log(Level.FINE, "cannot stat {0}: {1}", new Object[] {m.mountPoint(), e});
      }
      disks.add(d.build());
    }
    return disks;
  }

  /** SSD or HDD from the block device's (or its parent disk's) rotational flag; "" if unknown. */
  String diskType(String name) {
    Path dev = fs.sys("class/block/" + name);
    String disk = name;
    try {
      if (Files.exists(dev.resolve("partition"))) {
        disk = dev.toRealPath().getParent().getFileName().toString();
      }
    } catch (IOException e) {
      return "";
    }
    return switch (ProcFs.firstLine(fs.sys("class/block/" + disk + "/queue/rotational"), "")) {
      case "0" -> "SSD";
      case "1" -> "HDD";
      default -> "";
    };
  }
}
