package io.nodelink.metrics.agent.oshi;

import java.util.List;
import oshi.hardware.HWDiskStore;
import oshi.software.os.OSFileStore;
import oshi.spi.SystemInfoProvider;

/** The mounted filesystems and physical disks as OSHI lists them (faked in tests). */
public interface OshiStorage {

  /** The local filesystems (OSHI's {@code getFileStores(true)}). */
  List<OSFileStore> fileStores();

  /** The physical disks with their partitions and I/O counters. */
  List<HWDiskStore> diskStores();

  /** The live system's storage. */
  static OshiStorage of(SystemInfoProvider si) {
    return new OshiStorage() {
      @Override
      public List<OSFileStore> fileStores() {
        return si.getOperatingSystem().getFileSystem().getFileStores(true);
      }

      @Override
      public List<HWDiskStore> diskStores() {
        return si.getHardware().getDiskStores();
      }
    };
  }
}
