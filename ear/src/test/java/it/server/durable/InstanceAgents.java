package it.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.AgentProcess;
import it.support.ApiResponse;
import it.support.Contract;
import it.support.liberty.LibertyInstance;
import java.time.Duration;
import java.util.function.Predicate;

/** Agents as one Liberty instance sees them: summaries, streaming holds, their history. */
final class InstanceAgents {

  /** Long enough for a real agent's JVM to start, or to notice a restarted server. */
  static final Duration AGENT_TIMEOUT = Duration.ofSeconds(60);

  private final LibertyInstance server;

  InstanceAgents(LibertyInstance server) {
    this.server = server;
  }

  /** A real agent process connecting to this server. */
  AgentProcess startReal(String agentId) {
    // Reconnect attempts every second, so the agent is back as soon as the server is.
    return AgentProcess.startAt(
        server.grpcTarget(), agentId, AgentProcess.SHARED_TOKEN, "-Dreconnect.max-seconds=1");
  }

  /** {@code GET /agents/{id}} (asserting 200). */
  JsonNode summary(String agentId) {
    return Contract.assertOk(server.get("/agents/" + agentId));
  }

  /** The contract's listing, {@code GET /metrics/agents}: {@code {"agents": {id: summary}}}. */
  JsonNode listing() {
    return Contract.assertOk(server.get("/metrics/agents")).path("agents");
  }

  JsonNode awaitConnected(String agentId) {
    return awaitSummary(agentId, "connected", s -> s.path("connected").asBoolean(false));
  }

  JsonNode awaitDisconnected(String agentId) {
    return awaitSummary(agentId, "disconnected", s -> !s.path("connected").asBoolean(true));
  }

  JsonNode awaitSummary(String agentId, String what, Predicate<JsonNode> condition) {
    return await(agentId + " " + what + " on " + server)
        .atMost(AGENT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> summary(agentId), condition);
  }

  /**
   * {@code POST /agents/{id}/metrics/start}: a manual hold at {@code seconds}.
   *
   * @return the id of the hold's task
   */
  String hold(String agentId, int seconds) {
    ApiResponse started =
        server.post(
            "/agents/" + agentId + "/metrics/start", "{\"interval_seconds\": " + seconds + "}");
    assertThat(started.status()).as(started.describe()).isEqualTo(200);
    return started.json().path("task_id").asText();
  }

  /** {@code GET /tasks/{id}} once it answers 200 and its task satisfies {@code condition}. */
  JsonNode awaitTask(String taskId, String what, Predicate<JsonNode> condition) {
    return await("task " + taskId + " " + what + " on " + server)
        .atMost(AGENT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> Contract.assertOk(server.get("/tasks/" + taskId)), condition);
  }

  /** The agent's active alert of {@code rule}, once this server lists it in {@code state}. */
  JsonNode awaitAlert(String rule, String agentId, String state) {
    return await(rule + " " + state + " for " + agentId + " on " + server)
        .atMost(AGENT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> alert(rule, agentId), a -> a.path("state").asText().equals(state));
  }

  private JsonNode alert(String rule, String agentId) {
    JsonNode alerts = Contract.assertOk(server.get("/alerts?agent_id=" + agentId)).path("alerts");
    for (JsonNode alert : alerts) {
      if (alert.path("rule").asText().equals(rule)) {
        return alert;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** Waits until the raw history from {@code from} on has at least {@code count} points. */
  RawHistory awaitPoints(String agentId, long from, int count) {
    return await(agentId + " has " + count + " points from " + from + " on " + server)
        .atMost(AGENT_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> RawHistory.read(server, agentId, from, Seconds.now() + 1),
            h -> h.size() >= count);
  }

  /**
   * The raw history of {@code from..to} once two reads in a row agree, so no point of the range is
   * still on its way in.
   */
  RawHistory settled(String agentId, long from, long to) {
    RawHistory[] previous = {RawHistory.read(server, agentId, from, to)};
    return await(agentId + " history " + from + ".." + to + " settled")
        .atMost(AGENT_TIMEOUT)
        // Settled means the same a second apart: the first comparison must wait that second too.
        .pollDelay(Duration.ofSeconds(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              RawHistory current = RawHistory.read(server, agentId, from, to);
              boolean same = current.equals(previous[0]);
              previous[0] = current;
              return same ? current : null;
            },
            h -> h != null);
  }
}
