package io.nodelink.metrics.testkit.contract;

import static io.nodelink.metrics.testkit.contract.Shape.BOOLEAN;
import static io.nodelink.metrics.testkit.contract.Shape.INTEGER;
import static io.nodelink.metrics.testkit.contract.Shape.NUMBER;
import static io.nodelink.metrics.testkit.contract.Shape.STRING;
import static io.nodelink.metrics.testkit.contract.Shape.arrayOf;
import static io.nodelink.metrics.testkit.contract.Shape.object;

/**
 * The JSON shapes of the contract's REST/SSE payloads (docs/rest-api.md): every field name and JSON
 * type, written once for the server's mapping tests and the integration tests. Extensions of the
 * contract are included where the server always sends them.
 */
public final class ContractShapes {

  /** AgentSummary, one value of {@code GET /metrics/agents}'s {@code agents} map. */
  public static final Shape AGENT_SUMMARY =
      object(
          "agent_id", STRING,
          "connected", BOOLEAN,
          "status", STRING,
          "last_seen", STRING,
          "last_update", STRING,
          "streaming_active", BOOLEAN,
          "has_system_info", BOOLEAN,
          "has_metrics", BOOLEAN,
          "collection_interval_seconds", INTEGER,
          "series_count", INTEGER,
          "duplicate_id", BOOLEAN,
          "streaming_error", STRING,
          "alerts_firing", INTEGER);

  /** SystemInfo of {@code GET /agents/{id}/system}. */
  public static final Shape SYSTEM_INFO =
      object(
          "agent_id", STRING,
          "timestamp", INTEGER,
          "hardware",
              object(
                  "cpu",
                  object(
                      "model", STRING,
                      "cores", INTEGER,
                      "threads", INTEGER,
                      "base_frequency_ghz", NUMBER,
                      "max_frequency_ghz", NUMBER,
                      "features", arrayOf(STRING)),
                  "memory",
                  object(
                      "total_bytes", INTEGER,
                      "available_bytes", INTEGER,
                      "memory_type", STRING,
                      "speed_mhz", INTEGER),
                  "disks",
                  arrayOf(
                      object(
                          "device", STRING,
                          "mount_point", STRING,
                          "filesystem", STRING,
                          "total_bytes", INTEGER,
                          "available_bytes", INTEGER,
                          "disk_type", STRING)),
                  "architecture",
                  STRING,
                  "core_count",
                  INTEGER,
                  "thread_count",
                  INTEGER),
          "software",
              object(
                  "os",
                  object(
                      "name", STRING,
                      "version", STRING,
                      "kernel_version", STRING,
                      "distribution", STRING),
                  "hostname",
                  STRING,
                  "uptime_seconds",
                  INTEGER,
                  "packages",
                  arrayOf(object("name", STRING, "version", STRING, "package_manager", STRING))),
          "network_interfaces",
              arrayOf(
                  object(
                      "name", STRING,
                      "mac_address", STRING,
                      "ip_addresses", arrayOf(STRING),
                      "speed_mbps", INTEGER,
                      "is_up", BOOLEAN)));

  /** MetricsSnapshot of {@code GET /agents/{id}/metrics} and of SSE {@code metrics} events. */
  public static final Shape METRICS_SNAPSHOT =
      object(
          "agent_id", STRING,
          "timestamp", INTEGER,
          "cpu",
              object(
                  "usage_percent", NUMBER,
                  "core_usage", arrayOf(NUMBER),
                  "user_percent", NUMBER,
                  "system_percent", NUMBER,
                  "idle_percent", NUMBER,
                  "iowait_percent", NUMBER,
                  "temperature_celsius", NUMBER),
          "memory",
              object(
                  "total_bytes", INTEGER,
                  "used_bytes", INTEGER,
                  "available_bytes", INTEGER,
                  "free_bytes", INTEGER,
                  "cached_bytes", INTEGER,
                  "buffers_bytes", INTEGER,
                  "usage_percent", NUMBER,
                  "swap_total_bytes", INTEGER,
                  "swap_used_bytes", INTEGER,
                  "swap_free_bytes", INTEGER,
                  "swap_usage_percent", NUMBER),
          "disks",
              arrayOf(
                  object(
                      "device", STRING,
                      "mount_point", STRING,
                      "total_bytes", INTEGER,
                      "used_bytes", INTEGER,
                      "available_bytes", INTEGER,
                      "usage_percent", NUMBER,
                      "read_bytes_per_sec", INTEGER,
                      "write_bytes_per_sec", INTEGER,
                      "read_ops_per_sec", INTEGER,
                      "write_ops_per_sec", INTEGER,
                      "io_util_percent", NUMBER)),
          "network_interfaces",
              arrayOf(
                  object(
                      "interface", STRING,
                      "bytes_sent_per_sec", INTEGER,
                      "bytes_recv_per_sec", INTEGER,
                      "packets_sent_per_sec", INTEGER,
                      "packets_recv_per_sec", INTEGER,
                      "errors_in", INTEGER,
                      "errors_out", INTEGER,
                      "drops_in", INTEGER,
                      "drops_out", INTEGER)),
          "processes",
              object(
                  "total_processes", INTEGER,
                  "running_processes", INTEGER,
                  "sleeping_processes", INTEGER,
                  "zombie_processes", INTEGER,
                  "task_processes",
                      arrayOf(
                          object(
                              "task_id", STRING,
                              "pid", INTEGER,
                              "cpu_percent", NUMBER,
                              "memory_bytes", INTEGER,
                              "virtual_memory_bytes", INTEGER,
                              "threads", INTEGER,
                              "read_bytes", INTEGER,
                              "write_bytes", INTEGER))),
          "load", object("load1", NUMBER, "load5", NUMBER, "load15", NUMBER),
          "collection",
              object(
                  "duration_ms", NUMBER,
                  "failed_collectors", arrayOf(STRING),
                  "unavailable_fields", arrayOf(STRING)));

  /** History of {@code GET /agents/{id}/metrics/history} (values are checked by the tests). */
  public static final Shape HISTORY =
      object(
          "agent_id", STRING,
          "data_points", arrayOf(object("timestamp", INTEGER)),
          "query_start_timestamp", INTEGER,
          "query_end_timestamp", INTEGER,
          "total_points", INTEGER,
          "truncated", BOOLEAN,
          "interval_seconds", INTEGER);

  private ContractShapes() {}
}
