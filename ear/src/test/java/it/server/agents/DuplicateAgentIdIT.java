package it.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ContractShapes;
import it.support.AgentProcess;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two hosts given the same agent id: the server keeps the first connection, refuses the second with
 * {@code ALREADY_EXISTS} naming the problem and the fix, and flags the agent; the real agent backs
 * off on that status instead of reconnecting at once.
 */
class DuplicateAgentIdIT {

  private TestAgent first;
  private TestAgent second;
  private AgentProcess real;

  @AfterEach
  void close() {
    if (real != null) {
      real.close();
    }
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void aSecondHostIsRefusedTheFirstKeepsItsStreamAndTheAgentIsFlagged() {
    String id = TestAgent.uniqueId("dup");
    first = TestAgent.builder(id).host("host-a", "aaaa").connect();
    Agents.awaitOnline(id);

    second = TestAgent.builder(id).host("host-b", "bbbb").connect();

    Status refused = second.awaitEnded();
    assertThat(refused.getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(refused.getDescription())
        .contains("duplicate agent id")
        .contains("host-a")
        .contains("host-b")
        .contains("its own agent id");
    assertThat(first.ended()).as("the first connection stays").isNotDone();

    JsonNode summary = Agents.awaitSummary(id, "flagged", s -> s.path("duplicate_id").asBoolean());
    ContractShapes.AGENT_SUMMARY.assertMatches(summary, "AgentSummary of " + id);
    assertThat(summary.path("connected").asBoolean()).isTrue();
    JsonNode details = Contract.assertOk(Api.get("/agents/" + id));
    assertThat(details.path("duplicate_id").asBoolean()).isTrue();

    // The first host still gets the agent's commands.
    String start =
        Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"))
            .path("task_id")
            .asText();
    first.awaitRequest("START " + start, r -> r.getTaskId().equals(start));
    assertThat(second.received()).isEmpty();
  }

  @Test
  void theSameHostReconnectingStillReplacesItsOldStream() {
    String id = TestAgent.uniqueId("restart");
    first = TestAgent.builder(id).host("host-a", "aaaa").connect();
    Agents.awaitOnline(id);

    second = TestAgent.builder(id).host("host-a", "aaaa").connect();

    assertThat(first.awaitEnded().getCode()).isEqualTo(Status.Code.ABORTED);
    String refresh =
        Contract.assertOk(Api.post("/agents/" + id + "/system/refresh", null))
            .path("task_id")
            .asText();
    second.awaitRequest("the refresh " + refresh, r -> r.getTaskId().equals(refresh));
    assertThat(Agents.summary(id).orElseThrow().path("duplicate_id").asBoolean()).isFalse();
  }

  @Test
  void theRealAgentRefusedAsADuplicateLogsTheFixAndBacksOff() {
    String id = TestAgent.uniqueId("dup-real");
    // Not this machine's hostname: the real agent presents its own, so it is another host.
    first = TestAgent.builder(id).host("elsewhere.invalid", "ffff").connect();
    Agents.awaitOnline(id);

    real = AgentProcess.start(id, AgentProcess.SHARED_TOKEN);

    await("the agent to log the refusal")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> real.output().contains("another host is connected with the same id"));
    String log = real.output();
    assertThat(log).contains("its own agent id").contains("--agent-id");
    Matcher retry = Pattern.compile("retrying in ([0-9.]+) s").matcher(log);
    assertThat(retry.find()).as("retry delay in: %s", log).isTrue();
    // The longest backoff (reconnect.max-seconds, 30 s, less up to 20 % jitter), not a hot loop.
    assertThat(Double.parseDouble(retry.group(1))).isGreaterThanOrEqualTo(24.0);
    assertThat(real.isAlive()).as("the agent keeps running and retries later").isTrue();
    assertThat(first.ended()).as("the first connection stays").isNotDone();
    assertThat(Agents.summary(id).orElseThrow().path("duplicate_id").asBoolean()).isTrue();
  }
}
