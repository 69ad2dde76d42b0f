package io.nodelink.metrics.agent.collect;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads the size of a mounted filesystem (statvfs). */
@FunctionalInterface
public interface DiskSpace {

  /**
   * Space figures of one filesystem in bytes, as {@code df} shows them.
   *
   * @param total size
   * @param free free blocks, including those reserved for root
   * @param available free blocks usable by ordinary users
   */
  record Space(long total, long free, long available) {
    /** Used space as {@code df} computes it. */
    public long used() {
      return Math.max(0, total - free);
    }

    /** {@code df}'s Use%: used over what ordinary users could have (used + available). */
    public double usagePercent() {
      return Rates.percent(used(), used() + available);
    }
  }

  /** Space of the filesystem mounted at {@code mountPoint}. */
  Space read(String mountPoint) throws IOException;

  /**
   * The JDK's statvfs, with the {@link FileStore} of each mount point kept: looking a store up
   * rescans the mount table, reading its attributes is one statvfs call. Safe to share between
   * collectors (the host's disk and system-info collectors use one).
   */
  static DiskSpace statvfs() {
    Map<String, FileStore> stores = new ConcurrentHashMap<>();
    return mountPoint -> {
      FileStore store = stores.get(mountPoint);
      if (store == null) {
        store = Files.getFileStore(Path.of(mountPoint));
        stores.put(mountPoint, store);
      }
      try {
        return new Space(
            store.getTotalSpace(), store.getUnallocatedSpace(), store.getUsableSpace());
      } catch (IOException e) {
        stores.remove(mountPoint); // remounted or gone: look it up afresh next time
        throw e;
      }
    };
  }
}
