package it.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.AgentProcess;
import it.support.liberty.LibertyInstance;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A graceful restart of the server keeps what it knew, whatever the database: the history a real
 * agent streamed at 1 s reads back point for point, an agent that is not running is still listed
 * (offline) before anything reconnects, and a manual streaming hold is sent to the agent again
 * without anyone asking. The server runs with a 10 s collection baseline, so only the restored hold
 * makes the agent stream every second after the restart.
 */
abstract class GracefulRestartContract {

  /** Seconds the agent streams before the restart. */
  private static final int STREAMED_SECONDS = 10;

  /** The collection baseline of the servers under this test (the hold lowers it to 1 s). */
  static final String BASELINE = "10s";

  /** The running server under test, owned by the concrete class. */
  abstract LibertyInstance server();

  @Test
  void gracefulRestartKeepsHistoryKnownAgentsAndHolds() {
    LibertyInstance server = server();
    InstanceAgents agents = new InstanceAgents(server);
    String streamingId = TestAgent.uniqueId("restart-streaming");
    String leavingId = TestAgent.uniqueId("restart-leaving");
    try (AgentProcess streaming = startAgent(server, streamingId);
        AgentProcess leaving = startAgent(server, leavingId)) {
      agents.awaitConnected(streamingId);
      agents.awaitConnected(leavingId);
      agents.hold(streamingId, 1);
      long from = Seconds.now();
      agents.awaitPoints(streamingId, from, STREAMED_SECONDS);
      leaving.close();
      agents.awaitDisconnected(leavingId);
      RawHistory before = agents.settled(streamingId, from, Seconds.now() - 2);

      server.stop();
      Duration toReady = server.start();
      long readyAt = Seconds.now();
      Figures.print(getClass().getSimpleName(), "graceful restart to ready " + seconds(toReady));

      JsonNode listed = agents.listing().path(leavingId);
      assertThat(listed.isObject())
          .as("the agent %s that is not running is listed after the restart", leavingId)
          .isTrue();
      assertThat(listed.path("connected").asBoolean(true)).as("%s", listed).isFalse();
      agents.awaitConnected(streamingId);
      RawHistory after = RawHistory.read(server, streamingId, before.first(), before.last());
      assertThat(after.points())
          .as("history %d..%d after the restart", before.first(), before.last())
          .isEqualTo(before.points());
      assertHoldResumed(agents, streamingId, readyAt);
    }
  }

  private static void assertHoldResumed(InstanceAgents agents, String agentId, long readyAt) {
    JsonNode summary =
        agents.awaitSummary(
            agentId,
            "streaming every second again",
            s ->
                s.path("streaming_wanted").asBoolean()
                    && s.path("streaming_interval_seconds").asInt() == 1);
    RawHistory live = agents.awaitPoints(agentId, readyAt + 2, 4);
    assertThat(live.maxGap())
        .as("points after the restart %s (summary %s), baseline %s", live, summary, BASELINE)
        .isLessThanOrEqualTo(2);
  }

  static AgentProcess startAgent(LibertyInstance server, String agentId) {
    // Reconnect attempts every second, so the agent is back as soon as the server is.
    return AgentProcess.startAt(
        server.grpcTarget(), agentId, AgentProcess.SHARED_TOKEN, "-Dreconnect.max-seconds=1");
  }

  static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }
}
