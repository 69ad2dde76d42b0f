package io.nodelink.metrics.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.streaming.StreamingStatus;
import io.nodelink.metrics.server.tasks.TaskStatus;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
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
        .containsExactlyInAnyOrderElementsOf(ContractShapes.METRICS_SNAPSHOT.fieldNames());
    assertThat(json.getJsonObject("cpu").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.METRICS_SNAPSHOT.field("cpu").fieldNames());
    assertThat(json.getJsonObject("memory").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.METRICS_SNAPSHOT.field("memory").fieldNames());
    assertThat(json.getJsonObject("processes").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.METRICS_SNAPSHOT.field("processes").fieldNames());
    assertThat(json.getJsonObject("load").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.METRICS_SNAPSHOT.field("load").fieldNames());
    assertThat(json.getJsonObject("collection").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.METRICS_SNAPSHOT.field("collection").fieldNames());
    assertThat(json.getJsonArray("disks")).isEmpty();
    assertThat(json.getJsonObject("cpu").getJsonArray("core_usage")).isEmpty();
    assertThat(json.toString()).doesNotContain("null");
  }

  @Test
  void diskAndInterfaceEntriesUseTheContractNames() {
    JsonObject json = toJson(DtoMapper.snapshot("a1", Snapshots.sample(10)));

    assertThat(json.getJsonArray("disks").getJsonObject(0).keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.METRICS_SNAPSHOT.field("disks").element().fieldNames());
    assertThat(json.getJsonArray("network_interfaces").getJsonObject(0).keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.METRICS_SNAPSHOT.field("network_interfaces").element().fieldNames());
    assertThat(json.getJsonArray("network_interfaces").getJsonObject(0).getString("interface"))
        .isEqualTo("eth0");
  }

  @Test
  void sixtyFourBitIntegersAreExactJsonNumbers() {
    long big = (1L << 62) + 1; // not representable as a double
    MetricsDataResponse sample = Snapshots.sample(1);
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
        .containsExactlyInAnyOrderElementsOf(ContractShapes.SYSTEM_INFO.fieldNames());
    JsonObject hardware = json.getJsonObject("hardware");
    assertThat(hardware.keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.SYSTEM_INFO.field("hardware").fieldNames());
    assertThat(hardware.getJsonObject("cpu").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.SYSTEM_INFO.field("hardware").field("cpu").fieldNames());
    assertThat(hardware.getJsonObject("memory").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.SYSTEM_INFO.field("hardware").field("memory").fieldNames());
    JsonObject software = json.getJsonObject("software");
    assertThat(software.keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.SYSTEM_INFO.field("software").fieldNames());
    assertThat(software.getJsonObject("os").keySet())
        .containsExactlyInAnyOrderElementsOf(
            ContractShapes.SYSTEM_INFO.field("software").field("os").fieldNames());
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
        toJson(
            DtoMapper.summary(
                state, new StreamingStatus(true, true, 5, "t", 1, 5, ""), true, false, 42, 3));

    assertThat(json.keySet()).containsAll(ContractShapes.AGENT_SUMMARY.fieldNames());
    assertThat(json.getString("status")).isEqualTo("online");
    assertThat(json.getString("last_seen")).isEqualTo("2025-07-29T13:32:57Z");
    assertThat(json.getString("last_update")).isEmpty();
    assertThat(json.getBoolean("streaming_active")).isTrue();
    assertThat(json.getInt("collection_interval_seconds")).isEqualTo(5);
    assertThat(json.getInt("series_count")).isEqualTo(42);
    assertThat(json.getBoolean("duplicate_id")).isFalse();
    assertThat(json.getString("streaming_error")).isEmpty();
    assertThat(json.getInt("alerts_firing")).isEqualTo(3);
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
