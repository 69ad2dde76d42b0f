package it.support;

import static it.support.Shape.BOOLEAN;
import static it.support.Shape.INTEGER;
import static it.support.Shape.NUMBER;
import static it.support.Shape.STRING;
import static it.support.Shape.arrayOf;
import static it.support.Shape.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The JSON shapes of docs/rest-api.md, and the error format every endpoint must keep. */
public final class Contract {

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
          "has_metrics", BOOLEAN);

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
          "collection", object("duration_ms", NUMBER, "failed_collectors", arrayOf(STRING)));

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

  private Contract() {}

  /**
   * Asserts the contract's error form: the given status, a JSON content type and a JSON object with
   * a non-blank {@code error} string; no HTML page, no stack trace.
   */
  public static JsonNode assertError(ApiResponse response, int status) {
    assertThat(response.status()).as(response.describe()).isEqualTo(status);
    assertThat(response.contentType()).as(response.describe()).startsWith("application/json");
    assertThat(response.body().toLowerCase())
        .as(response.describe())
        .doesNotContain("<html", "exception", "\tat ");
    JsonNode json = response.json();
    assertThat(json.isObject()).as(response.describe()).isTrue();
    assertThat(json.path("error").isTextual()).as(response.describe()).isTrue();
    assertThat(json.path("error").asText()).as(response.describe()).isNotBlank();
    return json;
  }

  /** Asserts an error whose message contains {@code messagePart} (case-insensitive). */
  public static JsonNode assertError(ApiResponse response, int status, String messagePart) {
    JsonNode json = assertError(response, status);
    assertThat(json.path("error").asText())
        .as(response.describe())
        .containsIgnoringCase(messagePart);
    return json;
  }

  /** Asserts a 200 answer with a JSON body and returns that body. */
  public static JsonNode assertOk(ApiResponse response) {
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.contentType()).as(response.describe()).startsWith("application/json");
    return response.json();
  }

  /** Asserts an RFC 3339 UTC timestamp such as {@code 2025-07-29T13:32:57Z}; returns it parsed. */
  public static Instant assertRfc3339Utc(String text) {
    assertThat(text).as("RFC 3339 UTC timestamp").endsWith("Z");
    return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
  }
}
