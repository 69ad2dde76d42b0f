package io.nodelink.metrics.server.view;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A metrics snapshot ({@code GET .../metrics}, SSE {@code metrics} events). Groups the agent did
 * not collect appear with zeros and empty lists, so every field is always present.
 */
public record MetricsSnapshotDto(
    String agentId,
    long timestamp,
    Cpu cpu,
    Memory memory,
    List<Disk> disks,
    List<Network> networkInterfaces,
    Processes processes,
    Load load,
    Collection collection) {

  /** CPU usage over the last interval. */
  public record Cpu(
      double usagePercent,
      List<Double> coreUsage,
      double userPercent,
      double systemPercent,
      double idlePercent,
      double iowaitPercent,
      double temperatureCelsius) {}

  /** Memory and swap. */
  public record Memory(
      long totalBytes,
      long usedBytes,
      long availableBytes,
      long freeBytes,
      long cachedBytes,
      long buffersBytes,
      double usagePercent,
      long swapTotalBytes,
      long swapUsedBytes,
      long swapFreeBytes,
      double swapUsagePercent) {}

  /** One disk or file system. */
  public record Disk(
      String device,
      String mountPoint,
      long totalBytes,
      long usedBytes,
      long availableBytes,
      double usagePercent,
      long readBytesPerSec,
      long writeBytesPerSec,
      long readOpsPerSec,
      long writeOpsPerSec,
      double ioUtilPercent) {}

  /** One network interface. */
  public record Network(
      @JsonbProperty("interface") String name,
      long bytesSentPerSec,
      long bytesRecvPerSec,
      long packetsSentPerSec,
      long packetsRecvPerSec,
      long errorsIn,
      long errorsOut,
      long dropsIn,
      long dropsOut) {}

  /** Process counts and tracked task processes. */
  public record Processes(
      long totalProcesses,
      long runningProcesses,
      long sleepingProcesses,
      long zombieProcesses,
      List<TaskProcess> taskProcesses) {}

  /** A tracked process, named by its rule ({@code task_id}). */
  public record TaskProcess(
      String taskId,
      long pid,
      double cpuPercent,
      long memoryBytes,
      long virtualMemoryBytes,
      long threads,
      long readBytes,
      long writeBytes) {}

  /** Load averages. */
  public record Load(double load1, double load5, double load15) {}

  /**
   * Extension: the agent's own cost of collecting this snapshot, and which fields this host cannot
   * measure (reported as 0).
   */
  public record Collection(
      double durationMs, List<String> failedCollectors, List<String> unavailableFields) {}
}
