package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one snapshot into named history values: the contract's series, the sums over disks and
 * interfaces, and per instance {@code <group>.<instance>.<field>} (per core, disk, interface and
 * tracked task process). Only the groups present in the snapshot produce series, so an agent
 * streaming only {@code cpu} does not record zeros for memory. Two instances with the same name
 * give one series each field, with the later instance's value (at the first one's position).
 *
 * <p>Runs for every snapshot of every agent, so per-instance names come from caches and values go
 * into a {@link SeriesBatch}; thread-safe.
 */
public final class SeriesExtractor {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");

  /** Instance names remembered per group; beyond that, names are built per snapshot. */
  private static final int MAX_CACHED_INSTANCES = 10_000;

  private static final int CACHED_CORES = 1024;

  /** At least the series not per instance (CPU, memory, load, sums, counts), with a margin. */
  private static final int FIXED_SERIES = 48;

  /** Instance count above which duplicates are looked for with a set rather than pairwise. */
  private static final int PAIRWISE_LIMIT = 16;

  private final String[] coreNames = new String[CACHED_CORES];
  private final InstanceSeriesNames diskNames =
      new InstanceSeriesNames(
          "disk",
          MAX_CACHED_INSTANCES,
          "usage_percent",
          "read_bytes_per_sec",
          "write_bytes_per_sec",
          "read_ops_per_sec",
          "write_ops_per_sec",
          "io_util_percent");
  private final InstanceSeriesNames interfaceNames =
      new InstanceSeriesNames(
          "network",
          MAX_CACHED_INSTANCES,
          "bytes_sent_per_sec",
          "bytes_recv_per_sec",
          "packets_sent_per_sec",
          "packets_recv_per_sec",
          "errors_in",
          "errors_out",
          "drops_in",
          "drops_out");
  private final InstanceSeriesNames taskNames =
      new InstanceSeriesNames(
          "task", MAX_CACHED_INSTANCES, "cpu_percent", "memory_bytes", "threads");

  public SeriesExtractor() {
    for (int i = 0; i < CACHED_CORES; i++) {
      coreNames[i] = coreName(i);
    }
  }

  /** The series of one snapshot, in a stable order. */
  public SeriesBatch extract(MetricsDataResponse data) {
    SeriesBatch out = new SeriesBatch(roomFor(data));
    if (data.hasCpu()) {
      cpu(data.getCpu(), out);
    }
    if (data.hasMemory()) {
      memory(data.getMemory(), out);
    }
    if (data.hasLoad()) {
      load(data.getLoad(), out);
    }
    if (data.getDisksCount() > 0) {
      disks(data.getDisksList(), out);
    }
    if (data.getNetworkInterfacesCount() > 0) {
      network(data.getNetworkInterfacesList(), out);
    }
    if (data.hasProcesses()) {
      processes(data.getProcesses(), out);
    }
    if (data.hasCollection()) {
      out.add("collection.duration_ms", data.getCollection().getDurationMs());
    }
    return out;
  }

  /**
   * Room for every series of the snapshot and a few more that consumers derive (alerting adds load
   * per core): a batch that grows copies its arrays, which showed in profiles at thousands of
   * snapshots a second.
   */
  private int roomFor(MetricsDataResponse data) {
    return FIXED_SERIES
        + data.getCpu().getCoreUsageCount()
        + data.getDisksCount() * diskNames.fieldCount()
        + data.getNetworkInterfacesCount() * interfaceNames.fieldCount()
        + data.getProcesses().getTaskProcessesCount() * taskNames.fieldCount();
  }

  /** An instance name made safe for a series name and a URL: other chars become {@code _}. */
  public static String instance(String name) {
    String safe = UNSAFE.matcher(name).replaceAll("_");
    return safe.isEmpty() ? "_" : safe;
  }

  private void cpu(CpuMetrics cpu, SeriesBatch out) {
    out.add("cpu.usage_percent", cpu.getUsagePercent());
    out.add("cpu.user_percent", cpu.getUserPercent());
    out.add("cpu.system_percent", cpu.getSystemPercent());
    out.add("cpu.idle_percent", cpu.getIdlePercent());
    out.add("cpu.iowait_percent", cpu.getIowaitPercent());
    out.add("cpu.temperature_celsius", cpu.getTemperatureCelsius());
    for (int i = 0; i < cpu.getCoreUsageCount(); i++) {
      out.add(i < CACHED_CORES ? coreNames[i] : coreName(i), cpu.getCoreUsage(i));
    }
  }

  private static String coreName(int core) {
    return "cpu.core" + core + ".usage_percent";
  }

  private static void memory(MemoryMetrics m, SeriesBatch out) {
    out.add("memory.usage_percent", m.getUsagePercent());
    out.add("memory.total_bytes", unsigned(m.getTotalBytes()));
    out.add("memory.used_bytes", unsigned(m.getUsedBytes()));
    out.add("memory.available_bytes", unsigned(m.getAvailableBytes()));
    out.add("memory.free_bytes", unsigned(m.getFreeBytes()));
    out.add("memory.cached_bytes", unsigned(m.getCachedBytes()));
    out.add("memory.buffers_bytes", unsigned(m.getBuffersBytes()));
    out.add("memory.swap_usage_percent", m.getSwapUsagePercent());
    out.add("memory.swap_total_bytes", unsigned(m.getSwapTotalBytes()));
    out.add("memory.swap_used_bytes", unsigned(m.getSwapUsedBytes()));
  }

  private static void load(LoadMetrics load, SeriesBatch out) {
    out.add("load.load1", load.getLoad1());
    out.add("load.load5", load.getLoad5());
    out.add("load.load15", load.getLoad15());
  }

  private void disks(List<DiskMetrics> disks, SeriesBatch out) {
    double used = 0;
    double total = 0;
    double read = 0;
    double write = 0;
    for (DiskMetrics d : disks) {
      used += unsigned(d.getUsedBytes());
      total += unsigned(d.getTotalBytes());
      read += unsigned(d.getReadBytesPerSec());
      write += unsigned(d.getWriteBytesPerSec());
    }
    out.add("disk.usage_percent", total > 0 ? used / total * 100.0 : 0.0);
    out.add("disk.read_bytes_per_sec", read);
    out.add("disk.write_bytes_per_sec", write);
    String[][] names = namesOf(disks, d -> diskNames.of(diskName(d)));
    for (int i : writeOrder(names)) {
      DiskMetrics d = disks.get(i);
      String[] n = names[i];
      out.add(n[0], d.getUsagePercent());
      out.add(n[1], unsigned(d.getReadBytesPerSec()));
      out.add(n[2], unsigned(d.getWriteBytesPerSec()));
      out.add(n[3], unsigned(d.getReadOpsPerSec()));
      out.add(n[4], unsigned(d.getWriteOpsPerSec()));
      out.add(n[5], d.getIoUtilPercent());
    }
  }

  /** {@code /dev/sda1} becomes {@code sda1}; a disk without a device is named by mount point. */
  private static String diskName(DiskMetrics d) {
    String device = d.getDevice();
    if (device.startsWith("/dev/")) {
      device = device.substring("/dev/".length());
    }
    return device.isEmpty() ? d.getMountPoint() : device;
  }

  private void network(List<NetworkMetrics> interfaces, SeriesBatch out) {
    double sent = 0;
    double recv = 0;
    for (NetworkMetrics n : interfaces) {
      sent += unsigned(n.getBytesSentPerSec());
      recv += unsigned(n.getBytesRecvPerSec());
    }
    out.add("network.bytes_sent_per_sec", sent);
    out.add("network.bytes_recv_per_sec", recv);
    String[][] names = namesOf(interfaces, n -> interfaceNames.of(n.getInterface()));
    for (int i : writeOrder(names)) {
      NetworkMetrics n = interfaces.get(i);
      String[] f = names[i];
      out.add(f[0], unsigned(n.getBytesSentPerSec()));
      out.add(f[1], unsigned(n.getBytesRecvPerSec()));
      out.add(f[2], unsigned(n.getPacketsSentPerSec()));
      out.add(f[3], unsigned(n.getPacketsRecvPerSec()));
      out.add(f[4], unsigned(n.getErrorsIn()));
      out.add(f[5], unsigned(n.getErrorsOut()));
      out.add(f[6], unsigned(n.getDropsIn()));
      out.add(f[7], unsigned(n.getDropsOut()));
    }
  }

  private void processes(ProcessMetrics p, SeriesBatch out) {
    out.add("processes.total", Integer.toUnsignedLong(p.getTotalProcesses()) * 1.0);
    out.add("processes.running", Integer.toUnsignedLong(p.getRunningProcesses()) * 1.0);
    out.add("processes.sleeping", Integer.toUnsignedLong(p.getSleepingProcesses()) * 1.0);
    out.add("processes.zombie", Integer.toUnsignedLong(p.getZombieProcesses()) * 1.0);
    List<TaskProcessMetrics> tasks = p.getTaskProcessesList();
    String[][] names = namesOf(tasks, t -> taskNames.of(t.getTaskId()));
    for (int i : writeOrder(names)) {
      TaskProcessMetrics t = tasks.get(i);
      String[] f = names[i];
      out.add(f[0], t.getCpuPercent());
      out.add(f[1], unsigned(t.getMemoryBytes()));
      out.add(f[2], Integer.toUnsignedLong(t.getThreads()) * 1.0);
    }
  }

  private static <T> String[][] namesOf(List<T> instances, Function<T, String[]> names) {
    String[][] result = new String[instances.size()][];
    for (int i = 0; i < result.length; i++) {
      result[i] = names.apply(instances.get(i));
    }
    return result;
  }

  /**
   * The instances to write, in order: all of them when their names are distinct (the usual case);
   * otherwise each name once, at its first position, with its last instance.
   */
  private static int[] writeOrder(String[][] names) {
    if (distinct(names)) {
      int[] all = new int[names.length];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    Map<String, Integer> lastByName = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      lastByName.put(names[i][0], i);
    }
    return lastByName.values().stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean distinct(String[][] names) {
    if (names.length > PAIRWISE_LIMIT) {
      Set<String> seen = new HashSet<>();
      for (String[] n : names) {
        if (!seen.add(n[0])) {
          return false;
        }
      }
      return true;
    }
    for (int i = 1; i < names.length; i++) {
      for (int j = 0; j < i; j++) {
        if (names[i][0].equals(names[j][0])) {
          return false;
        }
      }
    }
    return true;
  }

  /** A uint64 read as Java's signed long, as a double. */
  static double unsigned(long value) {
    return value >= 0 ? value : (value >>> 1) * 2.0 + (value & 1);
  }
}
