package it.server.realagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import it.support.AgentProcess;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real agent on its OSHI path (what it runs on Windows and macOS) against the real server: a
 * full snapshot and full system info through the whole protocol and the REST API, once with {@code
 * --collectors oshi} and once with {@code auto} over a procfs root that holds nothing.
 */
class OshiAgentIT {
  /** Fields only the OSHI path leaves unmeasured: they prove which path produced the snapshot. */
  private static final List<String> OSHI_ONLY =
      List.of("memory.cached_bytes", "memory.buffers_bytes", "network.drops_out");

  private final List<AgentProcess> agents = new ArrayList<>();

  @BeforeEach
  void requireAgentJar() {
    AgentProcess.assumeAgentJar();
  }

  @AfterEach
  void stopAgents() {
    agents.forEach(AgentProcess::close);
  }

  @Test
  void anAgentOnTheOshiPathStreamsFullSnapshotsAndSystemInfo() {
    String id = start("oshi", "--collectors", "oshi", "-Dtrack.agent.cmdline=nodelink-agent");

    JsonNode snapshot = awaitFullSnapshot(id);

    assertThat(snapshot.path("processes").path("task_processes").get(0).path("pid").asLong())
        .isPositive();
    assertThat(
            snapshot.path("processes").path("task_processes").get(0).path("memory_bytes").asLong())
        .isPositive();
    JsonNode info = awaitSystemInfo(id);
    assertThat(info.path("hardware").path("disks").size()).isPositive();
    assertThat(info.path("hardware").path("disks").get(0).path("total_bytes").asLong())
        .isPositive();
  }

  @Test
  void autoFallsBackToOshiWhereTheProcfsRootHoldsNothing() throws Exception {
    Path empty = Files.createDirectories(Path.of("target", "empty-procfs"));
    String id = start("oshi-auto", "--procfs", empty.toAbsolutePath().toString());

    awaitFullSnapshot(id);
    JsonNode info = awaitSystemInfo(id);
    assertThat(info.path("hardware").path("disks").size()).isPositive();
  }

  private String start(String prefix, String... args) {
    String id = TestAgent.uniqueId(prefix);
    agents.add(AgentProcess.start(id, AgentProcess.SHARED_TOKEN, args));
    Agents.awaitSummary(id, "online", s -> s.path("connected").asBoolean(), Duration.ofSeconds(30));
    return id;
  }

  /** Starts streaming at 1 s and waits for a snapshot whose every group is filled. */
  private static JsonNode awaitFullSnapshot(String id) {
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    await("a full snapshot from " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> isFull(Api.get("/agents/" + id + "/metrics").json()));
    JsonNode snapshot = Contract.assertOk(Api.get("/agents/" + id + "/metrics"));
    ContractShapes.METRICS_SNAPSHOT.assertMatches(snapshot, "snapshot of the OSHI path");
    JsonNode collection = snapshot.path("collection");
    assertThat(collection.path("failed_collectors")).isEmpty();
    assertThat(texts(collection.path("unavailable_fields"))).containsAll(OSHI_ONLY);
    assertThat(snapshot.path("memory").path("usage_percent").asDouble()).isBetween(0.01, 100.0);
    assertThat(snapshot.path("memory").path("available_bytes").asLong()).isPositive();
    assertThat(snapshot.path("disks").get(0).path("total_bytes").asLong()).isPositive();
    assertThat(snapshot.path("network_interfaces").get(0).path("interface").asText()).isNotBlank();
    assertThat(snapshot.path("processes").path("sleeping_processes").asInt()).isPositive();
    return snapshot;
  }

  private static boolean isFull(JsonNode s) {
    return s != null
        && s.path("memory").path("total_bytes").asLong() > 0
        && s.path("disks").size() > 0
        && s.path("network_interfaces").size() > 0
        && s.path("processes").path("total_processes").asInt() > 0
        && s.path("cpu").path("core_usage").size() > 0;
  }

  private static JsonNode awaitSystemInfo(String id) {
    Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", null));
    await("system info of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/agents/" + id + "/system").status() == 200);
    JsonNode info = Contract.assertOk(Api.get("/agents/" + id + "/system"));
    ContractShapes.SYSTEM_INFO.assertMatches(info, "system info of the OSHI path");
    assertThat(info.path("software").path("hostname").asText()).isNotBlank();
    assertThat(info.path("software").path("os").path("name").asText()).isNotBlank();
    return info;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
