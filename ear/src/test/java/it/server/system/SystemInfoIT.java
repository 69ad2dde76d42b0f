package it.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /agents/{id}/system/refresh} and {@code GET /agents/{id}/system}. */
class SystemInfoIT {

  private TestAgent agent;

  @AfterEach
  void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void refreshSendsATaskAndTheAnswerBecomesTheSystemInfo() {
    String id = TestAgent.uniqueId("sysinfo");
    SystemInfoResponse sent = Snapshots.systemInfo("host-" + id);
    agent = TestAgent.builder(id).systemInfo(sent).connect();
    Agents.awaitOnline(id);

    JsonNode refresh = Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", null));

    assertThat(refresh.path("message").isTextual()).as("message in %s", refresh).isTrue();
    String taskId = refresh.path("task_id").asText();
    assertThat(taskId).as("task_id in %s", refresh).isNotBlank();
    TaskRequest request =
        agent.awaitRequest(
            "system info request " + taskId,
            r -> TaskRequests.isSystemInfo(r) && r.getTaskId().equals(taskId));
    assertThat(request.getAgentId()).isIn(id, "");

    await("system info of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/system").status() == 200);
    JsonNode info = Contract.assertOk(Api.get("/agents/" + id + "/system"));
    ContractShapes.SYSTEM_INFO.assertMatches(info, "SystemInfo");
    assertThat(info.path("agent_id").asText()).isEqualTo(id);
    assertThat(info.path("timestamp").asLong()).isEqualTo(sent.getTimestamp());
    JsonNode hardware = info.path("hardware");
    assertThat(hardware.path("cpu").path("model").asText()).isEqualTo("Test CPU 9000");
    assertThat(hardware.path("cpu").path("features").toString()).isEqualTo("[\"sse4_2\",\"avx2\"]");
    assertThat(hardware.path("cpu").path("max_frequency_ghz").asDouble()).isEqualTo(3.8);
    assertThat(hardware.path("memory").path("total_bytes").isIntegralNumber()).isTrue();
    assertThat(hardware.path("memory").path("total_bytes").asLong())
        .as("uint64 beyond 2^53 must survive exactly as a JSON number")
        .isEqualTo(Snapshots.BEYOND_DOUBLE_PRECISION);
    assertThat(hardware.path("disks").get(0).path("filesystem").asText()).isEqualTo("ext4");
    assertThat(hardware.path("architecture").asText()).isEqualTo("amd64");
    assertThat(hardware.path("thread_count").asInt()).isEqualTo(8);
    JsonNode software = info.path("software");
    assertThat(software.path("hostname").asText()).isEqualTo("host-" + id);
    assertThat(software.path("os").path("kernel_version").asText()).isEqualTo("6.1.0");
    assertThat(software.path("uptime_seconds").asLong()).isEqualTo(123456);
    assertThat(software.path("packages").get(0).path("package_manager").asText()).isEqualTo("dpkg");
    JsonNode nic = info.path("network_interfaces").get(0);
    assertThat(nic.path("ip_addresses").toString()).isEqualTo("[\"192.0.2.10\"]");
    assertThat(nic.path("is_up").asBoolean()).isTrue();
    assertThat(nic.path("speed_mbps").asLong()).isEqualTo(1000);

    JsonNode summary =
        Agents.awaitSummary(id, "has_system_info", s -> s.path("has_system_info").asBoolean());
    Contract.assertRfc3339Utc(summary.path("last_update").asText());
  }

  @Test
  void emptyListsAndZeroValuesAreStillPresent() {
    String id = TestAgent.uniqueId("sparse");
    agent = TestAgent.builder(id).systemInfo(SystemInfoResponse.getDefaultInstance()).connect();
    Agents.awaitOnline(id);

    Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", null));

    await("system info of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/system").status() == 200);
    JsonNode info = Contract.assertOk(Api.get("/agents/" + id + "/system"));
    ContractShapes.SYSTEM_INFO.assertMatches(
        info, "SystemInfo of an agent that sent only defaults");
    assertThat(info.path("network_interfaces").size()).isZero();
    assertThat(info.path("hardware").path("disks").size()).isZero();
    assertThat(info.path("hardware").path("cpu").path("model").asText()).isEmpty();
  }

  @Test
  void systemInfoIs404UntilTheAgentAnswered() {
    String id = TestAgent.uniqueId("silent");
    agent = TestAgent.builder(id).answerSystemInfo(false).connect();
    Agents.awaitOnline(id);

    ApiResponse response = Api.get("/agents/" + id + "/system");

    Contract.assertError(response, 404, "no system information available");
  }

  @Test
  void unknownAgentIs404() {
    String id = TestAgent.uniqueId("nobody");

    Contract.assertError(Api.get("/agents/" + id + "/system"), 404, "agent not found");
    Contract.assertError(Api.post("/agents/" + id + "/system/refresh", null), 404);
  }

  @Test
  void refreshOfAnOfflineAgentIs409() {
    String id = TestAgent.uniqueId("gone");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);
    agent.closeStream();
    Agents.awaitOffline(id, TestAgent.TIMEOUT);

    Contract.assertError(Api.post("/agents/" + id + "/system/refresh", null), 409);
  }

  @Test
  void refreshTaskCanBeLookedUp() {
    String id = TestAgent.uniqueId("sysinfo-task");
    agent = TestAgent.connect(id);
    Agents.awaitOnline(id);

    String taskId =
        Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", "{}"))
            .path("task_id")
            .asText();

    JsonNode task = Contract.assertOk(Api.get("/tasks/" + taskId));
    assertThat(task.path("task_id").asText()).isEqualTo(taskId);
    assertThat(task.path("agent_id").asText()).isEqualTo(id);
    assertThat(task.path("status").isTextual()).as("status in %s", task).isTrue();
    await("task " + taskId + " to complete")
        .atMost(TestAgent.TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(Contract.assertOk(Api.get("/tasks/" + taskId)).path("status").asText())
                    .containsIgnoringCase("complete"));
  }
}
