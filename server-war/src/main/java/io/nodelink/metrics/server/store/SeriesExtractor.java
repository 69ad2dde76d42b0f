package io.nodelink.metrics.server.store;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one snapshot into named history values: the contract's series, the sums over disks and
 * interfaces, and per instance {@code <group>.<instance>.<field>} (per core, disk, interface and
 * tracked task process). Only the groups present in the snapshot produce series, so an agent
 * streaming only {@code cpu} does not record zeros for memory.
 */
public final class SeriesExtractor {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");

  /** The series of one snapshot, in a stable order. */
  public Map<String, Double> extract(MetricsDataResponse data) {
    Map<String, Double> out = new LinkedHashMap<>();
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
      out.put("collection.duration_ms", data.getCollection().getDurationMs());
    }
    return out;
  }

  /** An instance name made safe for a series name and a URL: other chars become {@code _}. */
  public static String instance(String name) {
    String safe = UNSAFE.matcher(name).replaceAll("_");
    return safe.isEmpty() ? "_" : safe;
  }

  private static void cpu(CpuMetrics cpu, Map<String, Double> out) {
    out.put("cpu.usage_percent", cpu.getUsagePercent());
    out.put("cpu.user_percent", cpu.getUserPercent());
    out.put("cpu.system_percent", cpu.getSystemPercent());
    out.put("cpu.idle_percent", cpu.getIdlePercent());
    out.put("cpu.iowait_percent", cpu.getIowaitPercent());
    out.put("cpu.temperature_celsius", cpu.getTemperatureCelsius());
    for (int i = 0; i < cpu.getCoreUsageCount(); i++) {
      out.put("cpu.core" + i + ".usage_percent", cpu.getCoreUsage(i));
    }
  }

  private static void memory(MemoryMetrics m, Map<String, Double> out) {
    out.put("memory.usage_percent", m.getUsagePercent());
    out.put("memory.total_bytes", unsigned(m.getTotalBytes()));
    out.put("memory.used_bytes", unsigned(m.getUsedBytes()));
    out.put("memory.available_bytes", unsigned(m.getAvailableBytes()));
    out.put("memory.free_bytes", unsigned(m.getFreeBytes()));
    out.put("memory.cached_bytes", unsigned(m.getCachedBytes()));
    out.put("memory.buffers_bytes", unsigned(m.getBuffersBytes()));
    out.put("memory.swap_usage_percent", m.getSwapUsagePercent());
    out.put("memory.swap_total_bytes", unsigned(m.getSwapTotalBytes()));
    out.put("memory.swap_used_bytes", unsigned(m.getSwapUsedBytes()));
  }

  private static void load(LoadMetrics load, Map<String, Double> out) {
    out.put("load.load1", load.getLoad1());
    out.put("load.load5", load.getLoad5());
    out.put("load.load15", load.getLoad15());
  }

  private static void disks(List<DiskMetrics> disks, Map<String, Double> out) {
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
    out.put("disk.usage_percent", total > 0 ? used / total * 100.0 : 0.0);
    out.put("disk.read_bytes_per_sec", read);
    out.put("disk.write_bytes_per_sec", write);
    for (DiskMetrics d : disks) {
      String p = "disk." + instance(diskName(d)) + ".";
      out.put(p + "usage_percent", d.getUsagePercent());
      out.put(p + "read_bytes_per_sec", unsigned(d.getReadBytesPerSec()));
      out.put(p + "write_bytes_per_sec", unsigned(d.getWriteBytesPerSec()));
      out.put(p + "read_ops_per_sec", unsigned(d.getReadOpsPerSec()));
      out.put(p + "write_ops_per_sec", unsigned(d.getWriteOpsPerSec()));
      out.put(p + "io_util_percent", d.getIoUtilPercent());
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

  private static void network(List<NetworkMetrics> interfaces, Map<String, Double> out) {
    double sent = 0;
    double recv = 0;
    for (NetworkMetrics n : interfaces) {
      sent += unsigned(n.getBytesSentPerSec());
      recv += unsigned(n.getBytesRecvPerSec());
    }
    out.put("network.bytes_sent_per_sec", sent);
    out.put("network.bytes_recv_per_sec", recv);
    for (NetworkMetrics n : interfaces) {
      String p = "network." + instance(n.getInterface()) + ".";
      out.put(p + "bytes_sent_per_sec", unsigned(n.getBytesSentPerSec()));
      out.put(p + "bytes_recv_per_sec", unsigned(n.getBytesRecvPerSec()));
      out.put(p + "packets_sent_per_sec", unsigned(n.getPacketsSentPerSec()));
      out.put(p + "packets_recv_per_sec", unsigned(n.getPacketsRecvPerSec()));
      out.put(p + "errors_in", unsigned(n.getErrorsIn()));
      out.put(p + "errors_out", unsigned(n.getErrorsOut()));
      out.put(p + "drops_in", unsigned(n.getDropsIn()));
      out.put(p + "drops_out", unsigned(n.getDropsOut()));
    }
  }

  private static void processes(ProcessMetrics p, Map<String, Double> out) {
    out.put("processes.total", Integer.toUnsignedLong(p.getTotalProcesses()) * 1.0);
    out.put("processes.running", Integer.toUnsignedLong(p.getRunningProcesses()) * 1.0);
    out.put("processes.sleeping", Integer.toUnsignedLong(p.getSleepingProcesses()) * 1.0);
    out.put("processes.zombie", Integer.toUnsignedLong(p.getZombieProcesses()) * 1.0);
    for (TaskProcessMetrics t : p.getTaskProcessesList()) {
      String prefix = "task." + instance(t.getTaskId()) + ".";
      out.put(prefix + "cpu_percent", t.getCpuPercent());
      out.put(prefix + "memory_bytes", unsigned(t.getMemoryBytes()));
      out.put(prefix + "threads", Integer.toUnsignedLong(t.getThreads()) * 1.0);
    }
  }

  /** A uint64 read as Java's signed long, as a double. */
  static double unsigned(long value) {
    return value >= 0 ? value : (value >>> 1) * 2.0 + (value & 1);
  }
}
