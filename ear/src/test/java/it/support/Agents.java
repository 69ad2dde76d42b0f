package it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Reads agent summaries from {@code GET /metrics/agents}. */
public final class Agents {

  private Agents() {}

  /** The whole listing (asserting 200 JSON). */
  public static JsonNode listing() {
    return Contract.assertOk(Api.get("/metrics/agents"));
  }

  /** The summary of {@code agentId}, if listed. */
  public static Optional<JsonNode> summary(String agentId) {
    JsonNode agent = listing().path("agents").get(agentId);
    return Optional.ofNullable(agent);
  }

  /** Waits until {@code agentId} is listed with a summary matching {@code condition}. */
  public static JsonNode awaitSummary(String agentId, String what, Predicate<JsonNode> condition) {
    return awaitSummary(agentId, what, condition, TestAgent.TIMEOUT);
  }

  /** As above with an explicit timeout. */
  public static JsonNode awaitSummary(
      String agentId, String what, Predicate<JsonNode> condition, Duration timeout) {
    AtomicReference<Optional<JsonNode>> last = new AtomicReference<>(Optional.empty());
    await(agentId + " " + what)
        .pollInterval(Duration.ofMillis(100))
        .atMost(timeout)
        .untilAsserted(
            () -> {
              Optional<JsonNode> current = summary(agentId);
              last.set(current);
              assertThat(current)
                  .as("summary of %s (waiting for %s)", agentId, what)
                  .hasValueSatisfying(
                      s -> assertThat(condition.test(s)).as("%s in %s", what, s).isTrue());
            });
    return last.get().orElseThrow();
  }

  /** Waits until the agent is listed as connected/online. */
  public static JsonNode awaitOnline(String agentId) {
    return awaitSummary(agentId, "online", s -> s.path("connected").asBoolean(false));
  }

  /** Waits until the agent is listed as disconnected. */
  public static JsonNode awaitOffline(String agentId, Duration timeout) {
    return awaitSummary(agentId, "offline", s -> !s.path("connected").asBoolean(true), timeout);
  }

  /** Waits until {@code streaming_active} has the given value. */
  public static JsonNode awaitStreaming(String agentId, boolean active) {
    return awaitSummary(
        agentId,
        "streaming_active=" + active,
        s ->
            s.path("streaming_active").isBoolean()
                && s.path("streaming_active").asBoolean() == active);
  }
}
