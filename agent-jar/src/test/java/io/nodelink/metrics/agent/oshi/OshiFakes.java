package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.collect.DiskSpace;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;

/**
 * Hand-written fakes of OSHI's interfaces for the platform branches this Linux machine cannot run:
 * each answers the getters a test names (a value, or a {@link Supplier} read on every call) and
 * fails loudly on any other, so a collector that starts depending on more of OSHI is noticed.
 */
final class OshiFakes {
  private OshiFakes() {}

  /** A fake of {@code type} answering the named no-argument methods. */
  static <T> T fake(Class<T> type, Map<String, Object> answers) {
    Map<String, Object> a = new HashMap<>(answers);
    Object proxy =
        Proxy.newProxyInstance(
            OshiFakes.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              String name = method.getName();
              if (name.equals("toString")) {
                return type.getSimpleName() + a;
              }
              if (name.equals("hashCode")) {
                return System.identityHashCode(self);
              }
              if (name.equals("equals")) {
                return self == args[0];
              }
              if (!a.containsKey(name)) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + name);
              }
              Object v = a.get(name);
              return v instanceof Supplier<?> s ? s.get() : v;
            });
    return type.cast(proxy);
  }

  /** A mounted filesystem with fixed space figures. */
  static OSFileStore fileStore(
      String name, String volume, String mount, String type, long total, long free, long usable) {
    return fake(
        OSFileStore.class,
        Map.of(
            "getName", name,
            "getVolume", volume,
            "getMount", mount,
            "getType", type,
            "getOptions", "rw",
            "getTotalSpace", total,
            "getFreeSpace", free,
            "getUsableSpace", usable,
            "updateAttributes", true));
  }

  /** A disk whose read and write counters the test moves through {@code counters}. */
  static HWDiskStore disk(String name, String type, long[] counters, HWPartition... partitions) {
    return fake(
        HWDiskStore.class,
        Map.of(
            "getName", name,
            "getDiskType", type,
            "getPartitions", List.of(partitions),
            "updateAttributes", true,
            "getReads", (Supplier<Long>) () -> counters[0],
            "getReadBytes", (Supplier<Long>) () -> counters[1],
            "getWrites", (Supplier<Long>) () -> counters[2],
            "getWriteBytes", (Supplier<Long>) () -> counters[3],
            "getTransferTime", (Supplier<Long>) () -> counters[4]));
  }

  /** A partition (OSHI's class is concrete). */
  static HWPartition partition(String identification, String mountPoint) {
    return new HWPartition(identification, identification, "", "", 1L << 30, 0, 0, mountPoint);
  }

  /** An interface with the given name and alias; {@code counters}: sent, recv, packets out/in. */
  static NetworkIF networkIf(String name, String alias, long[] counters) {
    Map<String, Object> a = new HashMap<>();
    a.put("getName", name);
    a.put("getIfAlias", alias);
    a.put("updateAttributes", true);
    a.put("getBytesSent", (Supplier<Long>) () -> counters[0]);
    a.put("getBytesRecv", (Supplier<Long>) () -> counters[1]);
    a.put("getPacketsSent", (Supplier<Long>) () -> counters[2]);
    a.put("getPacketsRecv", (Supplier<Long>) () -> counters[3]);
    a.put("getInErrors", 1L);
    a.put("getOutErrors", 2L);
    a.put("getInDrops", 3L);
    return fake(NetworkIF.class, a);
  }

  /** A process in the given state. */
  static OSProcess process(int pid, String name, OSProcess.State state) {
    Map<String, Object> a = new HashMap<>();
    a.put("getProcessID", pid);
    a.put("getName", name);
    a.put("getCommandLine", name + " --serve");
    a.put("getState", state);
    a.put("getStartTime", 1_000L + pid);
    a.put("getKernelTime", 100L);
    a.put("getUserTime", 200L);
    a.put("getResidentMemory", 4096L);
    a.put("getVirtualSize", 8192L);
    a.put("getThreadCount", 3);
    a.put("getBytesRead", 10L);
    a.put("getBytesWritten", 20L);
    a.put("updateAttributes", true);
    return fake(OSProcess.class, a);
  }

  /** Storage listing fixed file stores and disks. */
  static OshiStorage storage(List<OSFileStore> stores, List<HWDiskStore> disks) {
    return new OshiStorage() {
      @Override
      public List<OSFileStore> fileStores() {
        return stores;
      }

      @Override
      public List<HWDiskStore> diskStores() {
        return disks;
      }
    };
  }

  /** The sizes of the given stores by mount point, as the JDK's statvfs would read them. */
  static DiskSpace spaceOf(OshiStorage storage) {
    return mount -> {
      for (OSFileStore s : storage.fileStores()) {
        if (s.getMount().equals(mount)) {
          return new DiskSpace.Space(s.getTotalSpace(), s.getFreeSpace(), s.getUsableSpace());
        }
      }
      throw new java.nio.file.NoSuchFileException(mount);
    };
  }
}
