package io.nodelink.metrics.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.streaming.StreamingStatus;
import io.nodelink.metrics.server.tasks.TaskStatus;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.testing.TestAgent;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMappingTest {

  private final Jsonb jsonb = Json.create();

  @Test
  void emptySnapshotHasEveryContractFieldWithZerosAndEmptyLists() {
    JsonObject json = toJson(DtoMapper.snapshot("a1", MetricsDataResponse.getDefaultInstance()));

    assertThat(json.keySet())
        .containsExactlyInAnyOrder(
            "agent_id",
            "timestamp",
            "cpu",
            "memory",
            "disks",
            "network_interfaces",
            "processes",
            "load",
            "collection");
    assertThat(json.getJsonObject("cpu").keySet())
        .containsExactlyInAnyOrder(
            "usage_percent",
            "core_usage",
            "user_percent",
            "system_percent",
            "idle_percent",
            "iowait_percent",
            "temperature_celsius");
    assertThat(json.getJsonObject("memory").keySet())
        .containsExactlyInAnyOrder(
            "total_bytes",
            "used_bytes",
            "available_bytes",
            "free_bytes",
            "cached_bytes",
            "buffers_bytes",
            "usage_percent",
            "swap_total_bytes",
            "swap_used_bytes",
            "swap_free_bytes",
            "swap_usage_percent");
    assertThat(json.getJsonObject("processes").keySet())
        .containsExactlyInAnyOrder(
            "total_processes",
            "running_processes",
            "sleeping_processes",
            "zombie_processes",
            "task_processes");
    assertThat(json.getJsonObject("load").keySet())
        .containsExactlyInAnyOrder("load1", "load5", "load15");
    assertThat(json.getJsonObject("collection").keySet())
        .containsExactlyInAnyOrder("duration_ms", "failed_collectors");
    assertThat(json.getJsonArray("disks")).isEmpty();
    assertThat(json.getJsonObject("cpu").getJsonArray("core_usage")).isEmpty();
    assertThat(json.toString()).doesNotContain("null");
  }

  @Test
  void diskAndInterfaceEntriesUseTheContractNames() {
    JsonObject json = toJson(DtoMapper.snapshot("a1", TestAgent.sampleSnapshot(10)));

    assertThat(json.getJsonArray("disks").getJsonObject(0).keySet())
        .containsExactlyInAnyOrder(
            "device",
            "mount_point",
            "total_bytes",
            "used_bytes",
            "available_bytes",
            "usage_percent",
            "read_bytes_per_sec",
            "write_bytes_per_sec",
            "read_ops_per_sec",
            "write_ops_per_sec",
            "io_util_percent");
    assertThat(json.getJsonArray("network_interfaces").getJsonObject(0).keySet())
        .containsExactlyInAnyOrder(
            "interface",
            "bytes_sent_per_sec",
            "bytes_recv_per_sec",
            "packets_sent_per_sec",
            "packets_recv_per_sec",
            "errors_in",
            "errors_out",
            "drops_in",
            "drops_out");
    assertThat(json.getJsonArray("network_interfaces").getJsonObject(0).getString("interface"))
        .isEqualTo("eth0");
  }

  @Test
  void sixtyFourBitIntegersAreExactJsonNumbers() {
    long big = (1L << 62) + 1; // not representable as a double
    MetricsDataResponse sample = TestAgent.sampleSnapshot(1);
    MetricsDataResponse data =
        sample.toBuilder().setMemory(sample.getMemory().toBuilder().setTotalBytes(big)).build();

    String text = jsonb.toJson(DtoMapper.snapshot("a1", data));
    JsonObject json = parse(text);

    assertThat(json.getJsonObject("memory").get("total_bytes").getValueType())
        .isEqualTo(JsonValue.ValueType.NUMBER);
    assertThat(text).contains("\"total_bytes\":" + big);
    assertThat(json.getJsonNumber("timestamp").longValueExact()).isEqualTo(1);
  }

  @Test
  void systemInfoHasEveryContractField() {
    JsonObject json = toJson(DtoMapper.systemInfo("a1", SystemInfoResponse.getDefaultInstance()));

    assertThat(json.keySet())
        .containsExactlyInAnyOrder(
            "agent_id", "timestamp", "hardware", "software", "network_interfaces");
    JsonObject hardware = json.getJsonObject("hardware");
    assertThat(hardware.keySet())
        .containsExactlyInAnyOrder(
            "cpu", "memory", "disks", "architecture", "core_count", "thread_count");
    assertThat(hardware.getJsonObject("cpu").keySet())
        .containsExactlyInAnyOrder(
            "model", "cores", "threads", "base_frequency_ghz", "max_frequency_ghz", "features");
    assertThat(hardware.getJsonObject("memory").keySet())
        .containsExactlyInAnyOrder("total_bytes", "available_bytes", "memory_type", "speed_mhz");
    JsonObject software = json.getJsonObject("software");
    assertThat(software.keySet())
        .containsExactlyInAnyOrder("os", "hostname", "uptime_seconds", "packages");
    assertThat(software.getJsonObject("os").keySet())
        .containsExactlyInAnyOrder("name", "version", "kernel_version", "distribution");
    assertThat(json.toString()).doesNotContain("null");
  }

  @Test
  void agentSummaryHasTheContractFieldsAndRfc3339Times() {
    AgentState state =
        new AgentState(
            "a1",
            true,
            Instant.parse("2025-07-29T13:30:00Z"),
            Instant.parse("2025-07-29T13:32:57.123Z"),
            null,
            null);
    JsonObject json =
        toJson(DtoMapper.summary(state, new StreamingStatus(true, true, 5, "t", 1), true, false));

    assertThat(json.keySet())
        .contains(
            "agent_id",
            "connected",
            "status",
            "last_seen",
            "last_update",
            "streaming_active",
            "has_system_info",
            "has_metrics");
    assertThat(json.getString("status")).isEqualTo("online");
    assertThat(json.getString("last_seen")).isEqualTo("2025-07-29T13:32:57Z");
    assertThat(json.getString("last_update")).isEmpty();
    assertThat(json.getBoolean("streaming_active")).isTrue();
  }

  @Test
  void taskJsonCarriesStatusAndFinality() {
    TaskView view =
        new TaskView(
            "t1",
            "a1",
            TaskType.METRICS_START,
            TaskStatus.IN_PROGRESS,
            Instant.EPOCH,
            Instant.EPOCH,
            "streaming every 5 s",
            "",
            5);

    JsonObject json = toJson(DtoMapper.task(view));

    assertThat(json.keySet())
        .containsExactlyInAnyOrder(
            "task_id",
            "agent_id",
            "type",
            "status",
            "created_at",
            "updated_at",
            "message",
            "error",
            "is_final",
            "interval_seconds");
    assertThat(json.getString("type")).isEqualTo("metrics_start");
    assertThat(json.getString("status")).isEqualTo("in_progress");
    assertThat(json.getBoolean("is_final")).isFalse();
    assertThat(json.getString("created_at")).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void startRequestBodyIsReadFromSnakeCase() {
    StartStreamingRequest request =
        jsonb.fromJson(
            "{\"interval_seconds\": 3, \"metrics\": [\"cpu\"]}", StartStreamingRequest.class);

    assertThat(request.intervalSeconds()).isEqualTo(3);
    assertThat(request.metrics()).isEqualTo(List.of("cpu"));
  }

  private JsonObject toJson(Object dto) {
    return parse(jsonb.toJson(dto));
  }

  private static JsonObject parse(String text) {
    try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
