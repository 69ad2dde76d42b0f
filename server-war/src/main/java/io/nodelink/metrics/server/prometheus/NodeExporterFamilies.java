package io.nodelink.metrics.server.prometheus;

import static io.nodelink.metrics.server.prometheus.Family.counter;
import static io.nodelink.metrics.server.prometheus.Family.gauge;
import static io.nodelink.metrics.server.prometheus.Family.info;

import java.util.List;

/**
 * Every family the server exposes: node_exporter's names, so existing dashboards work, and {@code
 * nodelink_*} for what node_exporter has no name for.
 */
public final class NodeExporterFamilies {

  public static final Family CPU_SECONDS =
      counter("node_cpu_seconds", "Seconds the CPUs spent in each mode.");
  public static final Family LOAD1 = gauge("node_load1", "1m load average.");
  public static final Family LOAD5 = gauge("node_load5", "5m load average.");
  public static final Family LOAD15 = gauge("node_load15", "15m load average.");
  public static final Family MEM_TOTAL =
      gauge("node_memory_MemTotal_bytes", "Memory information field MemTotal_bytes.");
  public static final Family MEM_AVAILABLE =
      gauge("node_memory_MemAvailable_bytes", "Memory information field MemAvailable_bytes.");
  public static final Family MEM_FREE =
      gauge("node_memory_MemFree_bytes", "Memory information field MemFree_bytes.");
  public static final Family MEM_CACHED =
      gauge("node_memory_Cached_bytes", "Memory information field Cached_bytes.");
  public static final Family MEM_BUFFERS =
      gauge("node_memory_Buffers_bytes", "Memory information field Buffers_bytes.");
  public static final Family SWAP_TOTAL =
      gauge("node_memory_SwapTotal_bytes", "Memory information field SwapTotal_bytes.");
  public static final Family SWAP_FREE =
      gauge("node_memory_SwapFree_bytes", "Memory information field SwapFree_bytes.");
  public static final Family FS_SIZE =
      gauge("node_filesystem_size_bytes", "Filesystem size in bytes.");
  public static final Family FS_AVAIL =
      gauge(
          "node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.");
  public static final Family FS_FREE =
      gauge("node_filesystem_free_bytes", "Filesystem free space in bytes.");
  public static final Family NET_RX_BYTES =
      counter("node_network_receive_bytes", "Network device statistic receive_bytes.");
  public static final Family NET_TX_BYTES =
      counter("node_network_transmit_bytes", "Network device statistic transmit_bytes.");
  public static final Family NET_RX_PACKETS =
      counter("node_network_receive_packets", "Network device statistic receive_packets.");
  public static final Family NET_TX_PACKETS =
      counter("node_network_transmit_packets", "Network device statistic transmit_packets.");
  public static final Family NET_RX_ERRS =
      counter("node_network_receive_errs", "Network device statistic receive_errs.");
  public static final Family NET_TX_ERRS =
      counter("node_network_transmit_errs", "Network device statistic transmit_errs.");
  public static final Family NET_RX_DROP =
      counter("node_network_receive_drop", "Network device statistic receive_drop.");
  public static final Family NET_TX_DROP =
      counter("node_network_transmit_drop", "Network device statistic transmit_drop.");
  public static final Family DISK_READ_BYTES =
      counter("node_disk_read_bytes", "The total number of bytes read successfully.");
  public static final Family DISK_WRITTEN_BYTES =
      counter("node_disk_written_bytes", "The total number of bytes written successfully.");
  public static final Family DISK_READS =
      counter("node_disk_reads_completed", "The total number of reads completed successfully.");
  public static final Family DISK_WRITES =
      counter("node_disk_writes_completed", "The total number of writes completed successfully.");
  public static final Family PROCS_RUNNING =
      gauge("node_procs_running", "Number of processes in runnable state.");
  public static final Family BOOT_TIME =
      gauge("node_boot_time_seconds", "Node boot time, in unixtime.");
  public static final Family UNAME =
      info("node_uname", "Labeled system information as provided by the uname system call.");
  public static final Family CPU_USAGE =
      gauge("nodelink_cpu_usage_percent", "Busy CPU share over the agent's last interval.");
  public static final Family CPU_TEMPERATURE =
      gauge("nodelink_cpu_temperature_celsius", "CPU temperature (0: no sensor).");
  public static final Family PROCESSES =
      gauge("nodelink_processes", "Processes on the host by state.");
  public static final Family TASK_CPU =
      gauge("nodelink_process_cpu_percent", "CPU share of a tracked process (100 = one core).");
  public static final Family TASK_RSS =
      gauge("nodelink_process_resident_memory_bytes", "Resident memory of a tracked process.");
  public static final Family TASK_VIRTUAL =
      gauge("nodelink_process_virtual_memory_bytes", "Virtual memory of a tracked process.");
  public static final Family TASK_THREADS =
      gauge("nodelink_process_threads", "Threads of a tracked process.");
  public static final Family TASK_READ =
      counter("nodelink_process_read_bytes", "Bytes a tracked process read from storage.");
  public static final Family TASK_WRITE =
      counter("nodelink_process_written_bytes", "Bytes a tracked process wrote to storage.");
  public static final Family COLLECTION_DURATION =
      gauge("nodelink_collection_duration_seconds", "How long the agent took for this snapshot.");
  public static final Family COLLECTORS_FAILED =
      gauge("nodelink_collector_failed", "1 for each collector that failed in this snapshot.");
  public static final Family AGENT_UP =
      gauge(
          "nodelink_agent_up",
          "1 while the agent's stream is connected, 0 for a known offline agent.");

  /** Every family, in the order the exposition lists them. */
  public static final List<Family> ALL =
      List.of(
          CPU_SECONDS,
          LOAD1,
          LOAD5,
          LOAD15,
          MEM_TOTAL,
          MEM_AVAILABLE,
          MEM_FREE,
          MEM_CACHED,
          MEM_BUFFERS,
          SWAP_TOTAL,
          SWAP_FREE,
          FS_SIZE,
          FS_AVAIL,
          FS_FREE,
          NET_RX_BYTES,
          NET_TX_BYTES,
          NET_RX_PACKETS,
          NET_TX_PACKETS,
          NET_RX_ERRS,
          NET_TX_ERRS,
          NET_RX_DROP,
          NET_TX_DROP,
          DISK_READ_BYTES,
          DISK_WRITTEN_BYTES,
          DISK_READS,
          DISK_WRITES,
          PROCS_RUNNING,
          BOOT_TIME,
          UNAME,
          CPU_USAGE,
          CPU_TEMPERATURE,
          PROCESSES,
          TASK_CPU,
          TASK_RSS,
          TASK_VIRTUAL,
          TASK_THREADS,
          TASK_READ,
          TASK_WRITE,
          COLLECTION_DURATION,
          COLLECTORS_FAILED,
          AGENT_UP);

  private NodeExporterFamilies() {}
}
