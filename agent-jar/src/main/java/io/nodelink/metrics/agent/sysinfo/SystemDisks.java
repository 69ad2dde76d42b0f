package io.nodelink.metrics.agent.sysinfo;

import io.nodelink.metrics.agent.collect.DiskSpace;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.oshi.OshiStorage;
import io.nodelink.metrics.agent.oshi.OshiVolumes;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.pb.DiskInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import oshi.hardware.HWDiskStore;

/** The filesystems of system info: from {@code /proc/mounts} and sysfs, or from OSHI. */
@FunctionalInterface
public interface SystemDisks {

  /** The filesystems with type, size and SSD/HDD where known. */
  List<DiskInfo> list() throws IOException;

  /** From {@code /proc/mounts}, statvfs and sysfs's rotational flag. */
  static SystemDisks procfs(ProcFs fs, Filesystems filesystems, DiskSpace space) {
    return new ProcfsSystemDisks(fs, filesystems, space);
  }

  /** From OSHI's file stores and the disk type OSHI knows for their disk. */
  static SystemDisks oshi(OshiStorage storage, Filesystems filesystems, HostPlatform platform) {
    return () -> {
      List<DiskInfo> out = new ArrayList<>();
      for (OshiVolumes.Volume v : OshiVolumes.select(storage, filesystems, platform)) {
        out.add(
            DiskInfo.newBuilder()
                .setDevice(v.device())
                .setMountPoint(v.mountPoint())
                .setFilesystem(v.store().getType() == null ? "" : v.store().getType())
                .setTotalBytes(Math.max(0, v.store().getTotalSpace()))
                .setAvailableBytes(Math.max(0, v.store().getUsableSpace()))
                .setDiskType(diskType(v.disk()))
                .build());
      }
      return out;
    };
  }

  /** {@code SSD} or {@code HDD} as the contract spells them; "" when OSHI does not know. */
  private static String diskType(HWDiskStore disk) {
    String t = disk == null || disk.getDiskType() == null ? "" : disk.getDiskType();
    return switch (t.toUpperCase(Locale.ROOT)) {
      case "SSD", "NVME" -> "SSD";
      case "HDD" -> "HDD";
      default -> "";
    };
  }
}
