package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.procfs.MountEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.software.os.OSFileStore;

/**
 * The filesystems to report among OSHI's file stores, chosen by the same rules as on the {@code
 * /proc} path ({@link Filesystems}: pseudo types, excluded mount points such as macOS's APFS system
 * volumes, include/exclude patterns, one entry per device), each with the physical disk it lives
 * on. Windows filesystems are named by drive letter ({@code C:}), others by volume ({@code
 * /dev/disk3s1s1}).
 */
public final class OshiVolumes {

  /**
   * A selected filesystem.
   *
   * @param disk the disk it lives on, or null when OSHI lists none for it
   */
  public record Volume(OSFileStore store, String device, String mountPoint, HWDiskStore disk) {}

  private OshiVolumes() {}

  /** The filesystems to report, in OSHI's order. */
  public static List<Volume> select(
      OshiStorage storage, Filesystems filesystems, HostPlatform platform) {
    Map<MountEntry, OSFileStore> byEntry = new LinkedHashMap<>();
    for (OSFileStore store : storage.fileStores()) {
      byEntry.put(
          new MountEntry(
              device(store, platform),
              nz(store.getMount()),
              nz(store.getType()),
              nz(store.getOptions())),
          store);
    }
    List<HWDiskStore> disks = storage.diskStores();
    List<Volume> result = new ArrayList<>();
    for (MountEntry m : filesystems.select(new ArrayList<>(byEntry.keySet()))) {
      result.add(
          new Volume(
              byEntry.get(m),
              m.device(),
              m.mountPoint(),
              diskOf(m.device(), m.mountPoint(), disks)));
    }
    return result;
  }

  /** The device name reported: the drive letter on Windows, the volume elsewhere. */
  static String device(OSFileStore store, HostPlatform platform) {
    String mount = nz(store.getMount());
    if (platform == HostPlatform.WINDOWS && mount.length() >= 2 && mount.charAt(1) == ':') {
      return mount.substring(0, 2).toUpperCase(Locale.ROOT);
    }
    String volume = nz(store.getVolume());
    return volume.isBlank() ? nz(store.getName()) : volume;
  }

  /**
   * The physical disk a filesystem lives on: the disk with a partition mounted there or named like
   * the device, a disk named like the device (a whole disk without partitions), or the disk whose
   * name starts the device's (an APFS volume {@code disk3s1s1} of the synthesized {@code disk3}).
   */
  static HWDiskStore diskOf(String device, String mountPoint, List<HWDiskStore> disks) {
    String dev = baseName(device);
    String mount = normalise(mountPoint);
    for (HWDiskStore disk : disks) {
      for (HWPartition p : disk.getPartitions()) {
        if ((!mount.isEmpty() && normalise(p.getMountPoint()).equals(mount))
            || baseName(p.getIdentification()).equalsIgnoreCase(dev)
            || baseName(p.getName()).equalsIgnoreCase(dev)) {
          return disk;
        }
      }
    }
    HWDiskStore best = null;
    for (HWDiskStore disk : disks) {
      String name = baseName(disk.getName());
      if (name.equalsIgnoreCase(dev)) {
        return disk;
      }
      if (!name.isEmpty()
          && dev.startsWith(name + "s")
          && (best == null || name.length() > baseName(best.getName()).length())) {
        best = disk;
      }
    }
    return best;
  }

  private static String baseName(String path) {
    String p = nz(path);
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return p.substring(slash + 1);
  }

  /** A mount point without trailing separators ({@code C:\} and {@code C:} are one), lower case. */
  private static String normalise(String mount) {
    String m = nz(mount).trim();
    while (m.length() > 1 && (m.endsWith("\\") || m.endsWith("/"))) {
      m = m.substring(0, m.length() - 1);
    }
    return m.toLowerCase(Locale.ROOT);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
