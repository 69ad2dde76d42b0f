package it.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import it.support.ItConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The alerting API as the ITs use it. */
final class AlertApi {

  private AlertApi() {}

  /** Creates an API rule (asserting 201). */
  static JsonNode createRule(String json) {
    ApiResponse created = Api.post("/alerts/rules", json);
    assertThat(created.status()).as(created.describe()).isEqualTo(201);
    return created.json();
  }

  static ApiResponse put(String path, String json) {
    return Api.send("PUT", ItConfig.api(path), json, Map.of("Content-Type", "application/json"));
  }

  /** The active alert of a rule and agent, if any. */
  static Optional<JsonNode> active(String rule, String agentId) {
    JsonNode alerts = Contract.assertOk(Api.get("/alerts?agent_id=" + agentId)).path("alerts");
    for (JsonNode alert : alerts) {
      if (alert.path("rule").asText().equals(rule)) {
        return Optional.of(alert);
      }
    }
    return Optional.empty();
  }

  /** Waits until the rule's alert on the agent is in {@code state}. */
  static JsonNode awaitState(String rule, String agentId, String state) {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    await(rule + " on " + agentId + " " + state)
        .atMost(TestAgent.TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Optional<JsonNode> alert = active(rule, agentId);
              alert.ifPresent(seen::set);
              return alert.map(a -> a.path("state").asText().equals(state)).orElse(false);
            });
    return seen.get();
  }

  /** Waits until the rule's alert on the agent is no longer active. */
  static void awaitInactive(String rule, String agentId) {
    await(rule + " on " + agentId + " inactive")
        .atMost(TestAgent.TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> active(rule, agentId).isEmpty());
  }

  /** The agent's log for a rule, oldest first, as "from>to". */
  static List<String> transitions(String rule, String agentId) {
    JsonNode events =
        Contract.assertOk(Api.get("/alerts/history?agent_id=" + agentId + "&rule=" + rule))
            .path("events");
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      out.add(0, e.path("from").asText() + ">" + e.path("to").asText());
    }
    return out;
  }

  /** Waits until the log of a rule on an agent satisfies {@code condition}. */
  static List<String> awaitTransitions(
      String rule, String agentId, String what, Predicate<List<String>> condition) {
    AtomicReference<List<String>> seen = new AtomicReference<>(List.of());
    await(rule + " on " + agentId + ": " + what)
        .atMost(TestAgent.TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              seen.set(transitions(rule, agentId));
              return condition.test(seen.get());
            });
    return seen.get();
  }
}
