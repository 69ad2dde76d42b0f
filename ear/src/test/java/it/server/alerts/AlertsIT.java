package it.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.sse.SseEvent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alert rules and states against the real server, driven by test agents whose CPU the test sets:
 * every snapshot is evaluated as it arrives; no-data and silences are looked at every second
 * ({@code NODELINK_ALERTS_TICK=1s} in the build's server).
 */
class AlertsIT {

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<String> rules = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    for (String rule : rules) {
      Api.delete("/alerts/rules/" + rule);
    }
  }

  /** An agent streaming every second at the given CPU usage. */
  private TestAgent streamingAgent(String prefix, double cpu) {
    String id = TestAgent.uniqueId(prefix);
    TestAgent agent = TestAgent.builder(id).connect();
    resources.add(agent);
    agent.setCpuPercent(cpu);
    Agents.awaitOnline(id);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    agent.awaitStreaming();
    return agent;
  }

  private String cpuRule(String agentId, int forSeconds) {
    String name = "Cpu-" + agentId;
    rules.add(name);
    AlertApi.createRule(
        "{\"name\":\""
            + name
            + "\",\"metric\":\"cpu.usage_percent\",\"agg\":\"last\",\"op\":\">\","
            + "\"threshold\":90,\"clear_threshold\":50,\"for_seconds\":"
            + forSeconds
            + ",\"severity\":\"critical\",\"agents\":[\""
            + agentId
            + "\"],\"labels\":{\"team\":\"ops\"},\"summary\":\"CPU {{value}}% on {{agent_id}}\"}");
    return name;
  }

  /** Waits until the agent has sent {@code n} more snapshots (each one is evaluated). */
  private static void awaitSnapshots(TestAgent agent, int n) {
    long target = agent.snapshotsSent() + n;
    await(n + " more snapshots of " + agent.agentId())
        .atMost(TestAgent.TIMEOUT)
        .until(() -> agent.snapshotsSent() >= target);
  }

  @Test
  void rulesAreValidatedPersistedAndFileOrDefaultRulesAreReadOnly() {
    String name = "Rule-" + TestAgent.uniqueId("r");
    rules.add(name);
    String body =
        "{\"name\":\"" + name + "\",\"metric\":\"disk.*.usage_percent\",\"threshold\":80}";
    JsonNode created = AlertApi.createRule(body);
    assertThat(created.path("source").asText()).isEqualTo("api");
    assertThat(created.path("read_only").asBoolean()).isFalse();
    assertThat(created.path("agents").get(0).asText()).isEqualTo("*");
    Contract.assertError(Api.post("/alerts/rules", body), 409);

    ApiResponse bad =
        Api.post("/alerts/rules", "{\"name\":\"x\",\"metric\":\"cpu.usage_percent\"}");
    Contract.assertError(bad, 400, "threshold");
    Contract.assertError(
        Api.post(
            "/alerts/rules",
            "{\"name\":\"x\",\"metric\":\"cpu.usage_percent\",\"threshold\":1,\"op\":\"~\"}"),
        400,
        "op");

    JsonNode replaced =
        Contract.assertOk(
            AlertApi.put(
                "/alerts/rules/" + name, body.replace("\"threshold\":80", "\"threshold\":85")));
    assertThat(replaced.path("threshold").asDouble()).isEqualTo(85);
    assertThat(Contract.assertOk(Api.get("/alerts/rules/" + name)).path("threshold").asDouble())
        .isEqualTo(85);

    JsonNode highCpu = Contract.assertOk(Api.get("/alerts/rules/HighCpu"));
    assertThat(highCpu.path("source").asText()).isEqualTo("default");
    assertThat(highCpu.path("read_only").asBoolean()).isTrue();
    Contract.assertError(Api.delete("/alerts/rules/HighCpu"), 409, "read-only");

    Contract.assertOk(Api.delete("/alerts/rules/" + name));
    Contract.assertError(Api.get("/alerts/rules/" + name), 404);
  }

  @Test
  void theYamlRulesFileIsReloadedOnChangeAndReadOnly() throws Exception {
    Path file = Path.of(System.getProperty("it.alerts.rules.file"));
    Files.createDirectories(file.getParent());
    String name = "FileRule-" + TestAgent.uniqueId("f");
    // YAML, as config tooling writes it (the build names the file rules.yaml).
    Files.writeString(
        file,
        "rules:\n  - name: " + name + "\n    metric: memory.usage_percent\n    threshold: 99\n");
    await("file rule " + name)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/alerts/rules/" + name).status() == 200);
    JsonNode rule = Contract.assertOk(Api.get("/alerts/rules/" + name));
    assertThat(rule.path("source").asText()).isEqualTo("file");
    Contract.assertError(
        AlertApi.put(
            "/alerts/rules/" + name,
            "{\"name\":\"" + name + "\",\"metric\":\"cpu.usage_percent\",\"threshold\":1}"),
        409,
        "read-only");

    Files.writeString(file, "[]");
    await("file rule " + name + " gone")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> Api.get("/alerts/rules/" + name).status() == 404);
  }

  @Test
  void aSpikeShorterThanForStaysPendingThenFiringHysteresisAndResolve() {
    TestAgent agent = streamingAgent("alert-cpu", 10);
    String id = agent.agentId();
    String rule = cpuRule(id, 8);
    SseTestClient stream = SseTestClient.open("/alerts/stream");
    resources.add(stream);
    assertThat(stream.awaitStatus()).isEqualTo(200);

    // A spike shorter than for_seconds: pending, never firing.
    agent.setCpuPercent(95);
    AlertApi.awaitState(rule, id, "pending");
    agent.setCpuPercent(10);
    AlertApi.awaitInactive(rule, id);
    assertThat(AlertApi.transitions(rule, id))
        .containsExactly("inactive>pending", "pending>inactive");

    // Held for longer: firing, counted in the agent's summary, announced on the stream.
    agent.setCpuPercent(95);
    JsonNode firing = AlertApi.awaitState(rule, id, "firing");
    assertThat(firing.path("severity").asText()).isEqualTo("critical");
    assertThat(firing.path("summary").asText()).isEqualTo("CPU 95% on " + id);
    assertThat(firing.path("labels").path("team").asText()).isEqualTo("ops");
    Contract.assertRfc3339Utc(firing.path("firing_since").asText());
    Agents.awaitSummary(id, "alerts_firing=1", s -> s.path("alerts_firing").asInt() == 1);
    SseEvent event =
        stream.awaitEvent(
            "alert",
            e ->
                e.json().path("agent_id").asText().equals(id)
                    && e.json().path("state").asText().equals("firing"));
    assertThat(event.json().path("rule").asText()).isEqualTo(rule);

    // Under the threshold, above the clear threshold: still firing (hysteresis).
    agent.setCpuPercent(70);
    awaitSnapshots(agent, 3);
    assertThat(AlertApi.active(rule, id))
        .hasValueSatisfying(a -> assertThat(a.path("state").asText()).isEqualTo("firing"));

    // Past the clear threshold: resolved.
    agent.setCpuPercent(10);
    AlertApi.awaitInactive(rule, id);
    assertThat(AlertApi.transitions(rule, id))
        .containsExactly(
            "inactive>pending",
            "pending>inactive",
            "inactive>pending",
            "pending>firing",
            "firing>resolved");
    stream.awaitEvent(
        "alert",
        e ->
            e.json().path("agent_id").asText().equals(id)
                && e.json().path("state").asText().equals("resolved"));
    Agents.awaitSummary(id, "alerts_firing=0", s -> s.path("alerts_firing").asInt() == 0);
  }

  @Test
  void anAgentKilledFiresNoData() {
    TestAgent agent = streamingAgent("alert-nodata", 10);
    String id = agent.agentId();
    String rule = "Down-" + id;
    rules.add(rule);
    AlertApi.createRule(
        "{\"name\":\""
            + rule
            + "\",\"type\":\"no_data\",\"for_seconds\":2,\"severity\":\"critical\","
            + "\"agents\":[\""
            + id
            + "\"]}");
    awaitSnapshots(agent, 3);
    assertThat(AlertApi.active(rule, id)).isEmpty();

    agent.kill();
    Agents.awaitOffline(id, TestAgent.TIMEOUT);
    JsonNode firing = AlertApi.awaitState(rule, id, "firing");
    assertThat(firing.path("summary").asText()).isEqualTo(id + " sends no data");
  }

  @Test
  void aSilencedAlertStillChangesStateAndSilencesCanBeListedAndDeleted() {
    TestAgent agent = streamingAgent("alert-silence", 10);
    String id = agent.agentId();
    String rule = cpuRule(id, 0);
    Contract.assertError(
        Api.post("/alerts/silences", "{\"matchers\":{\"rule\":\"" + rule + "\"}}"), 400, "until");
    Contract.assertError(
        Api.post("/alerts/silences", "{\"until\":\"2099-01-01T00:00:00Z\"}"), 400, "matchers");
    ApiResponse created =
        Api.post(
            "/alerts/silences",
            "{\"matchers\":{\"rule\":\""
                + rule
                + "\",\"agent_id\":\"alert-silence*\"},\"until\":\""
                + Instant.now().plus(Duration.ofHours(1))
                + "\",\"comment\":\"maintenance\"}");
    assertThat(created.status()).as(created.describe()).isEqualTo(201);
    String silenceId = created.json().path("id").asText();
    assertThat(created.json().path("created_by").asText()).isEqualTo("it-operator");

    agent.setCpuPercent(95);
    JsonNode firing = AlertApi.awaitState(rule, id, "firing");
    assertThat(firing.path("silenced").asBoolean()).isTrue();

    JsonNode silences = Contract.assertOk(Api.get("/alerts/silences")).path("silences");
    assertThat(silences.findValuesAsText("id")).contains(silenceId);
    Contract.assertOk(Api.delete("/alerts/silences/" + silenceId));
    Contract.assertError(Api.delete("/alerts/silences/" + silenceId), 404);
    assertThat(AlertApi.active(rule, id))
        .hasValueSatisfying(a -> assertThat(a.path("silenced").asBoolean()).isFalse());
  }

  @Test
  void historyIsPaginatedAndBadParametersAre400() {
    Contract.assertError(Api.get("/alerts/history?limit=0"), 400, "limit");
    Contract.assertError(Api.get("/alerts/history?offset=x"), 400, "offset");
    Contract.assertError(Api.get("/alerts?state=asleep"), 400, "state");
    Contract.assertError(Api.get("/alerts/history?since=yesterday"), 400, "since");
    Contract.assertError(Api.get("/alerts/history?since=-1"), 400, "since");
    JsonNode page = Contract.assertOk(Api.get("/alerts/history?limit=1"));
    assertThat(page.path("limit").asInt()).isEqualTo(1);
    assertThat(page.path("events").size()).isLessThanOrEqualTo(1);
    long future = Instant.now().plusSeconds(3600).getEpochSecond();
    assertThat(Contract.assertOk(Api.get("/alerts/history?since=" + future)).path("events"))
        .isEmpty();
  }
}
