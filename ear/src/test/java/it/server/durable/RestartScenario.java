package it.server.durable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.AgentProcess;
import it.support.liberty.LibertyInstance;

/**
 * What a graceful restart must keep, whatever the database: the history a real agent streamed at 1
 * s reads back point for point, an agent that is not running is still listed (offline) before
 * anything reconnects, and the agent's manual streaming hold is sent again without anyone asking
 * (over the 10 s baseline, only the restored hold makes it stream every second). Tests run it
 * around their own stop and start.
 */
final class RestartScenario implements AutoCloseable {

  private static final int STREAMED_POINTS = 10;

  private final LibertyInstance server;
  private final InstanceAgents agents;
  private final String streamingId = TestAgent.uniqueId("restart-streaming");
  private final String leavingId = TestAgent.uniqueId("restart-leaving");
  private final AgentProcess streaming;
  private final AgentProcess leaving;
  private long from;
  private RawHistory before;

  private RestartScenario(LibertyInstance server) {
    this.server = server;
    this.agents = new InstanceAgents(server);
    this.streaming = agents.startReal(streamingId);
    this.leaving = agents.startReal(leavingId);
  }

  /** Starts both agents; the streaming one held at 1 s. */
  static RestartScenario begin(LibertyInstance server) {
    RestartScenario scenario = new RestartScenario(server);
    try {
      scenario.connect();
      return scenario;
    } catch (RuntimeException | Error e) {
      scenario.close();
      throw e;
    }
  }

  private void connect() {
    agents.awaitConnected(streamingId);
    agents.awaitConnected(leavingId);
    agents.hold(streamingId, 1);
    from = Seconds.now();
  }

  String streamingId() {
    return streamingId;
  }

  /**
   * Waits for the streamed points, lets the other agent leave, and returns the history the restart
   * must keep.
   */
  RawHistory beforeStop() {
    agents.awaitPoints(streamingId, from, STREAMED_POINTS);
    leaving.close();
    agents.awaitDisconnected(leavingId);
    before = agents.settled(streamingId, from, Seconds.now() - 2);
    return before;
  }

  /** After the start ({@code readyAt}, Unix seconds): everything above was kept. */
  void assertKept(long readyAt) {
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
    assertHoldResumed(readyAt);
  }

  private void assertHoldResumed(long readyAt) {
    JsonNode summary =
        agents.awaitSummary(
            streamingId,
            "streaming every second again",
            s ->
                s.path("streaming_wanted").asBoolean()
                    && s.path("streaming_interval_seconds").asInt() == 1);
    RawHistory live = agents.awaitPoints(streamingId, readyAt + 2, 4);
    assertThat(live.maxGap())
        .as("points after the restart %s (summary %s)", live, summary)
        .isLessThanOrEqualTo(2);
  }

  @Override
  public void close() {
    try {
      streaming.close();
    } finally {
      leaving.close();
    }
  }
}
