package io.nodelink.metrics.server.view;

import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.TimePoint;
import io.nodelink.metrics.pb.CpuInfo;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskInfo;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.InstalledPackage;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryInfo;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkInterface;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.OperatingSystem;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.SystemHardware;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.streaming.StreamingStatus;
import io.nodelink.metrics.server.tasks.TaskView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * Protobuf messages and server state to API records. Absent messages map to zeros and empty lists
 * (proto3 getters already return defaults), so every JSON field is present. uint32 values widen to
 * long; uint64 values stay long (JSON numbers) — hosts do not reach 2^63.
 */
public final class DtoMapper {

  private DtoMapper() {}

  /** RFC 3339 UTC to the second, or {@code ""} for never. */
  public static String rfc3339(Instant instant) {
    return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public static AgentSummaryDto summary(
      AgentState state,
      StreamingStatus streaming,
      boolean hasSystemInfo,
      boolean hasMetrics,
      int seriesCount,
      int alertsFiring) {
    return new AgentSummaryDto(
        state.agentId(),
        state.connected(),
        state.connected() ? "online" : "offline",
        rfc3339(state.lastSeen()),
        rfc3339(state.lastUpdate()),
        streaming.active(),
        hasSystemInfo,
        hasMetrics,
        streaming.wanted(),
        streaming.intervalSeconds(),
        streaming.collectionIntervalSeconds(),
        seriesCount,
        state.duplicateId(),
        streaming.lastError(),
        alertsFiring);
  }

  public static TaskDto task(TaskView t) {
    return new TaskDto(
        t.taskId(),
        t.agentId(),
        t.type().json(),
        t.status().json(),
        rfc3339(t.createdAt()),
        rfc3339(t.updatedAt()),
        t.message() == null ? "" : t.message(),
        t.error() == null ? "" : t.error(),
        t.isFinal(),
        t.intervalSeconds());
  }

  public static HistoryDto history(String agentId, HistoryResult result) {
    List<HistoryDto.DataPoint> points =
        result.points().stream()
            .map(p -> new HistoryDto.DataPoint(p.timestampSeconds(), sorted(p)))
            .toList();
    return new HistoryDto(
        agentId,
        points,
        result.startSeconds(),
        result.endSeconds(),
        points.size(),
        result.truncated(),
        result.intervalSeconds());
  }

  private static TreeMap<String, Double> sorted(TimePoint point) {
    return new TreeMap<>(point.values());
  }

  public static MetricsSnapshotDto snapshot(String agentId, MetricsDataResponse m) {
    return new MetricsSnapshotDto(
        agentId,
        m.getTimestamp(),
        cpu(m.getCpu()),
        memory(m.getMemory()),
        m.getDisksList().stream().map(DtoMapper::disk).toList(),
        m.getNetworkInterfacesList().stream().map(DtoMapper::network).toList(),
        processes(m.getProcesses()),
        load(m.getLoad()),
        new MetricsSnapshotDto.Collection(
            m.getCollection().getDurationMs(),
            List.copyOf(m.getCollection().getFailedCollectorsList()),
            List.copyOf(m.getCollection().getUnavailableFieldsList())));
  }

  private static MetricsSnapshotDto.Cpu cpu(CpuMetrics c) {
    return new MetricsSnapshotDto.Cpu(
        c.getUsagePercent(),
        List.copyOf(c.getCoreUsageList()),
        c.getUserPercent(),
        c.getSystemPercent(),
        c.getIdlePercent(),
        c.getIowaitPercent(),
        c.getTemperatureCelsius());
  }

  private static MetricsSnapshotDto.Memory memory(MemoryMetrics m) {
    return new MetricsSnapshotDto.Memory(
        m.getTotalBytes(),
        m.getUsedBytes(),
        m.getAvailableBytes(),
        m.getFreeBytes(),
        m.getCachedBytes(),
        m.getBuffersBytes(),
        m.getUsagePercent(),
        m.getSwapTotalBytes(),
        m.getSwapUsedBytes(),
        m.getSwapFreeBytes(),
        m.getSwapUsagePercent());
  }

  private static MetricsSnapshotDto.Disk disk(DiskMetrics d) {
    return new MetricsSnapshotDto.Disk(
        d.getDevice(),
        d.getMountPoint(),
        d.getTotalBytes(),
        d.getUsedBytes(),
        d.getAvailableBytes(),
        d.getUsagePercent(),
        d.getReadBytesPerSec(),
        d.getWriteBytesPerSec(),
        d.getReadOpsPerSec(),
        d.getWriteOpsPerSec(),
        d.getIoUtilPercent());
  }

  private static MetricsSnapshotDto.Network network(NetworkMetrics n) {
    return new MetricsSnapshotDto.Network(
        n.getInterface(),
        n.getBytesSentPerSec(),
        n.getBytesRecvPerSec(),
        n.getPacketsSentPerSec(),
        n.getPacketsRecvPerSec(),
        n.getErrorsIn(),
        n.getErrorsOut(),
        n.getDropsIn(),
        n.getDropsOut());
  }

  private static MetricsSnapshotDto.Processes processes(ProcessMetrics p) {
    return new MetricsSnapshotDto.Processes(
        u32(p.getTotalProcesses()),
        u32(p.getRunningProcesses()),
        u32(p.getSleepingProcesses()),
        u32(p.getZombieProcesses()),
        p.getTaskProcessesList().stream().map(DtoMapper::taskProcess).toList());
  }

  private static MetricsSnapshotDto.TaskProcess taskProcess(TaskProcessMetrics t) {
    return new MetricsSnapshotDto.TaskProcess(
        t.getTaskId(),
        u32(t.getPid()),
        t.getCpuPercent(),
        t.getMemoryBytes(),
        t.getVirtualMemoryBytes(),
        u32(t.getThreads()),
        t.getReadBytes(),
        t.getWriteBytes());
  }

  private static MetricsSnapshotDto.Load load(LoadMetrics l) {
    return new MetricsSnapshotDto.Load(l.getLoad1(), l.getLoad5(), l.getLoad15());
  }

  public static SystemInfoDto systemInfo(String agentId, SystemInfoResponse s) {
    return new SystemInfoDto(
        agentId,
        s.getTimestamp(),
        hardware(s.getHardware()),
        software(s.getSoftware()),
        s.getNetworkInterfacesList().stream().map(DtoMapper::networkInterface).toList());
  }

  private static SystemInfoDto.Hardware hardware(SystemHardware h) {
    return new SystemInfoDto.Hardware(
        cpuInfo(h.getCpu()),
        memoryInfo(h.getMemory()),
        h.getDisksList().stream().map(DtoMapper::diskInfo).toList(),
        h.getArchitecture(),
        u32(h.getCoreCount()),
        u32(h.getThreadCount()));
  }

  private static SystemInfoDto.Cpu cpuInfo(CpuInfo c) {
    return new SystemInfoDto.Cpu(
        c.getModel(),
        u32(c.getCores()),
        u32(c.getThreads()),
        c.getBaseFrequencyGhz(),
        c.getMaxFrequencyGhz(),
        List.copyOf(c.getFeaturesList()));
  }

  private static SystemInfoDto.Memory memoryInfo(MemoryInfo m) {
    return new SystemInfoDto.Memory(
        m.getTotalBytes(), m.getAvailableBytes(), m.getMemoryType(), u32(m.getSpeedMhz()));
  }

  private static SystemInfoDto.Disk diskInfo(DiskInfo d) {
    return new SystemInfoDto.Disk(
        d.getDevice(),
        d.getMountPoint(),
        d.getFilesystem(),
        d.getTotalBytes(),
        d.getAvailableBytes(),
        d.getDiskType());
  }

  private static SystemInfoDto.Software software(SystemSoftware s) {
    return new SystemInfoDto.Software(
        os(s.getOs()),
        s.getHostname(),
        s.getUptimeSeconds(),
        s.getPackagesList().stream().map(DtoMapper::installedPackage).toList());
  }

  private static SystemInfoDto.Os os(OperatingSystem o) {
    return new SystemInfoDto.Os(
        o.getName(), o.getVersion(), o.getKernelVersion(), o.getDistribution());
  }

  private static SystemInfoDto.InstalledPackage installedPackage(InstalledPackage p) {
    return new SystemInfoDto.InstalledPackage(p.getName(), p.getVersion(), p.getPackageManager());
  }

  private static SystemInfoDto.NetworkInterface networkInterface(NetworkInterface n) {
    return new SystemInfoDto.NetworkInterface(
        n.getName(),
        n.getMacAddress(),
        List.copyOf(n.getIpAddressesList()),
        n.getSpeedMbps(),
        n.getIsUp());
  }

  private static long u32(int value) {
    return Integer.toUnsignedLong(value);
  }
}
