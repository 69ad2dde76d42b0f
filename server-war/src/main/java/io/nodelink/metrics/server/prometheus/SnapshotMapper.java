package io.nodelink.metrics.server.prometheus;

import static io.nodelink.metrics.server.prometheus.NodeExporterFamilies.*;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskInfo;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps one snapshot (and the agent's system info, if any) to node_exporter samples. Pure but for
 * the agent's {@link AgentSeries}, which it advances.
 */
final class SnapshotMapper {

  private static final String[] CPU_MODES = {"user", "system", "steal", "idle", "iowait"};

  private final String agentId;
  private final AgentSeries series;
  private final List<Sample> samples = new ArrayList<>();

  private SnapshotMapper(String agentId, AgentSeries series) {
    this.agentId = agentId;
    this.series = series;
  }

  /**
   * The samples of a snapshot, or null when it is not newer than the agent's last one.
   *
   * @param timestampMillis the time the samples carry (see {@link SnapshotConversion})
   * @param info the agent's latest system info, or null
   */
  static AgentSamples map(
      String agentId,
      long timestampMillis,
      MetricsDataResponse snapshot,
      SystemInfoResponse info,
      AgentSeries series) {
    if (!series.advanceTo(timestampMillis)) {
      return null;
    }
    SnapshotMapper mapper = new SnapshotMapper(agentId, series);
    mapper.all(snapshot, info);
    return new AgentSamples(agentId, timestampMillis, mapper.samples);
  }

  private void all(MetricsDataResponse s, SystemInfoResponse info) {
    if (s.hasCpu()) {
      cpu(s.getCpu());
    }
    if (s.hasLoad()) {
      gauge(LOAD1, s.getLoad().getLoad1());
      gauge(LOAD5, s.getLoad().getLoad5());
      gauge(LOAD15, s.getLoad().getLoad15());
    }
    if (s.hasMemory()) {
      memory(s.getMemory());
    }
    filesystems(s.getDisksList(), info);
    network(s.getNetworkInterfacesList());
    diskIo(s.getDisksList());
    if (s.hasProcesses()) {
      processes(s.getProcesses());
    }
    if (info != null) {
      system(info);
    }
    if (s.hasCpu()) {
      gauge(CPU_USAGE, s.getCpu().getUsagePercent());
      gauge(CPU_TEMPERATURE, s.getCpu().getTemperatureCelsius());
    }
    if (s.hasProcesses()) {
      tasks(s.getProcesses().getTaskProcessesList());
    }
    if (s.hasCollection()) {
      gauge(COLLECTION_DURATION, s.getCollection().getDurationMs() / 1000.0);
      // A set: one label set twice in a family would make the whole exposition invalid.
      for (String collector : new TreeSet<>(s.getCollection().getFailedCollectorsList())) {
        gauge(COLLECTORS_FAILED, 1, "collector", collector);
      }
    }
  }

  /**
   * node_cpu_seconds_total per core and mode. The contract carries each core's busy share and the
   * host's shares per mode: a core's busy time is split like the host's (user, system, the rest as
   * steal) and its idle time like the host's idle and iowait, so that one minus the idle rate
   * averaged over the cores is the host's busy share.
   */
  private void cpu(CpuMetrics cpu) {
    List<Double> cores = cpu.getCoreUsageList();
    if (cores.isEmpty()) {
      cores = List.of(cpu.getUsagePercent());
    }
    double[] shares = modeShares(cpu);
    for (int i = 0; i < cores.size(); i++) {
      double busy = clamp(cores.get(i) / 100);
      double[] perMode = {
        busy * shares[0],
        busy * shares[1],
        busy * shares[2],
        (1 - busy) * shares[3],
        (1 - busy) * shares[4]
      };
      String core = Integer.toString(i);
      for (int m = 0; m < CPU_MODES.length; m++) {
        counter(CPU_SECONDS, perMode[m], "cpu", core, "mode", CPU_MODES[m]);
      }
    }
  }

  /** Shares of the busy time (user, system, steal) and of the idle time (idle, iowait). */
  static double[] modeShares(CpuMetrics cpu) {
    double busy = cpu.getUsagePercent();
    double user = busy > 0 ? clamp(cpu.getUserPercent() / busy) : 1;
    double system = busy > 0 ? Math.min(clamp(cpu.getSystemPercent() / busy), 1 - user) : 0;
    double steal = 1 - user - system;
    double waiting = cpu.getIdlePercent() + cpu.getIowaitPercent();
    double idle = waiting > 0 ? clamp(cpu.getIdlePercent() / waiting) : 1;
    return new double[] {user, system, steal, idle, 1 - idle};
  }

  private void memory(MemoryMetrics m) {
    gauge(MEM_TOTAL, m.getTotalBytes());
    gauge(MEM_AVAILABLE, m.getAvailableBytes());
    gauge(MEM_FREE, m.getFreeBytes());
    gauge(MEM_CACHED, m.getCachedBytes());
    gauge(MEM_BUFFERS, m.getBuffersBytes());
    gauge(SWAP_TOTAL, m.getSwapTotalBytes());
    gauge(SWAP_FREE, m.getSwapFreeBytes());
  }

  private void filesystems(List<DiskMetrics> disks, SystemInfoResponse info) {
    Set<String> seen = new HashSet<>();
    for (DiskMetrics d : disks) {
      if (!seen.add(d.getMountPoint())) {
        continue;
      }
      String[] labels = {
        "device", d.getDevice(), "mountpoint", d.getMountPoint(), "fstype", fsType(info, d)
      };
      gauge(FS_SIZE, d.getTotalBytes(), labels);
      gauge(FS_AVAIL, d.getAvailableBytes(), labels);
      gauge(FS_FREE, Math.max(0, d.getTotalBytes() - d.getUsedBytes()), labels);
    }
  }

  private static String fsType(SystemInfoResponse info, DiskMetrics d) {
    if (info == null || !info.hasHardware()) {
      return "";
    }
    for (DiskInfo disk : info.getHardware().getDisksList()) {
      if (disk.getMountPoint().equals(d.getMountPoint())) {
        return disk.getFilesystem();
      }
    }
    return "";
  }

  private void network(List<NetworkMetrics> interfaces) {
    Set<String> seen = new HashSet<>();
    for (NetworkMetrics n : interfaces) {
      if (!seen.add(n.getInterface())) {
        continue;
      }
      String[] device = {"device", n.getInterface()};
      counter(NET_RX_BYTES, n.getBytesRecvPerSec(), device);
      counter(NET_TX_BYTES, n.getBytesSentPerSec(), device);
      counter(NET_RX_PACKETS, n.getPacketsRecvPerSec(), device);
      counter(NET_TX_PACKETS, n.getPacketsSentPerSec(), device);
      // The contract carries errors and drops as the interface's own totals.
      total(NET_RX_ERRS, n.getErrorsIn(), device);
      total(NET_TX_ERRS, n.getErrorsOut(), device);
      total(NET_RX_DROP, n.getDropsIn(), device);
      total(NET_TX_DROP, n.getDropsOut(), device);
    }
  }

  /** Disk I/O per block device (node_exporter's names drop {@code /dev/}); one per device. */
  private void diskIo(List<DiskMetrics> disks) {
    Set<String> seen = new HashSet<>();
    for (DiskMetrics d : disks) {
      String device =
          d.getDevice().startsWith("/dev/") ? d.getDevice().substring(5) : d.getDevice();
      if (!seen.add(device)) {
        continue;
      }
      counter(DISK_READ_BYTES, d.getReadBytesPerSec(), "device", device);
      counter(DISK_WRITTEN_BYTES, d.getWriteBytesPerSec(), "device", device);
      counter(DISK_READS, d.getReadOpsPerSec(), "device", device);
      counter(DISK_WRITES, d.getWriteOpsPerSec(), "device", device);
    }
  }

  private void processes(ProcessMetrics p) {
    gauge(PROCS_RUNNING, p.getRunningProcesses());
    gauge(PROCESSES, p.getTotalProcesses(), "state", "all");
    gauge(PROCESSES, p.getSleepingProcesses(), "state", "sleeping");
    gauge(PROCESSES, p.getZombieProcesses(), "state", "zombie");
  }

  private void system(SystemInfoResponse info) {
    if (info.hasSoftware() && info.getSoftware().getUptimeSeconds() > 0) {
      gauge(BOOT_TIME, (double) info.getTimestamp() - info.getSoftware().getUptimeSeconds());
    }
    gauge(
        UNAME,
        1,
        "sysname",
        info.getSoftware().getOs().getName(),
        "release",
        info.getSoftware().getOs().getKernelVersion(),
        "version",
        info.getSoftware().getOs().getVersion(),
        "machine",
        info.getHardware().getArchitecture(),
        "nodename",
        info.getSoftware().getHostname(),
        "domainname",
        "(none)");
  }

  private void tasks(List<TaskProcessMetrics> tasks) {
    Set<String> seen = new HashSet<>();
    for (TaskProcessMetrics t : tasks) {
      if (!seen.add(t.getTaskId())) {
        continue;
      }
      String[] task = {"task", t.getTaskId()};
      gauge(TASK_CPU, t.getCpuPercent(), task);
      gauge(TASK_RSS, t.getMemoryBytes(), task);
      gauge(TASK_VIRTUAL, t.getVirtualMemoryBytes(), task);
      gauge(TASK_THREADS, t.getThreads(), task);
      total(TASK_READ, t.getReadBytes(), task);
      total(TASK_WRITE, t.getWriteBytes(), task);
    }
  }

  private void gauge(Family family, double value, String... labels) {
    samples.add(new Sample(family, series(family, labels).labels(), value));
  }

  /** A counter the contract carries as a total already. */
  private void total(Family family, double value, String... labels) {
    samples.add(new Sample(family, series(family, labels).labels(), value));
  }

  /** A counter rebuilt from the rate the contract carries. */
  private void counter(Family family, double perSecond, String... labels) {
    AgentSeries.Series counter = series(family, labels);
    samples.add(new Sample(family, counter.labels(), series.integrate(counter, perSecond)));
  }

  /**
   * The agent's series of {@code family} with the {@code extra} labels: found by its place in the
   * snapshot when the last snapshot had it there, else by a key of the family and the extra label
   * values. Rendering the whole label set per sample, or building it (the client library validates
   * every name), was most of the conversion's time; building the key, most of what it allocated.
   */
  private AgentSeries.Series series(Family family, String... extra) {
    AgentSeries.Series same = series.atSamePlace(family, extra);
    if (same != null) {
      return same;
    }
    String key =
        extra.length == 0 ? family.name() : family.name() + '\u0000' + String.join("\u0000", extra);
    AgentSeries.Series known = series.carried(key);
    AgentSeries.Series found = known != null ? known : series.add(key, labels(extra));
    series.place(family, extra, found);
    return found;
  }

  private Labels labels(String... extra) {
    String[] all = new String[extra.length + 4];
    all[0] = "instance";
    all[1] = agentId;
    all[2] = "agent_id";
    all[3] = agentId;
    System.arraycopy(extra, 0, all, 4, extra.length);
    return Labels.of(all);
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }
}
