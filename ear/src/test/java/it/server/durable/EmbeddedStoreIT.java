package it.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.AgentProcess;
import it.support.liberty.LibertyInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server on the embedded default database (no database settings): {@link
 * GracefulRestartContract}, and the server going away under a real agent streaming every second (a
 * manual hold): killed with {@code kill -9}, it loses at most what it had received but not yet
 * written ({@code nodelink.store.flush-interval}); stopped for 60 s, it loses nothing, the agent's
 * buffer filling the minute it was down.
 */
class EmbeddedStoreIT extends GracefulRestartContract {

  /** The server's flush interval, set explicitly so the bound below says what it relies on. */
  private static final int FLUSH_SECONDS = 5;

  private static final int DOWN_SECONDS = 60;

  private static LibertyInstance server;

  @RegisterExtension final ServerLogOnFailure log = new ServerLogOnFailure(() -> server);

  @BeforeAll
  static void startServer() {
    AgentProcess.assumeAgentJar();
    server =
        LibertyInstance.create(
            "durable-embedded",
            DurablePorts.embedded(),
            Map.of(
                "NODELINK_COLLECTION_INTERVAL",
                "1s",
                "NODELINK_STORE_FLUSH_INTERVAL",
                FLUSH_SECONDS + "s"));
    Figures.print("EmbeddedStoreIT", "first start to ready " + seconds(server.start()));
  }

  @AfterAll
  static void removeServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void killMinus9LosesAtMostTheFlushInterval() {
    InstanceAgents agents = new InstanceAgents(server);
    String id = TestAgent.uniqueId("killed-server");
    try (AgentProcess agent = GracefulRestartContract.startAgent(server, id)) {
      agents.awaitConnected(id);
      agents.hold(id, 1);
      long from = Seconds.now();
      RawHistory streamed = agents.awaitPoints(id, from, 8);

      server.kill9();
      Duration toReady = server.start();
      long readyAt = Seconds.now();
      agents.awaitConnected(id);
      RawHistory after = agents.awaitPoints(id, readyAt + 1, 3);

      List<Long> span = RawHistory.read(server, id, streamed.first(), after.first()).timestamps();
      long lost = Seconds.missing(span, streamed.first(), after.first());
      Figures.print(
          "EmbeddedStoreIT",
          "kill -9: "
              + lost
              + " s lost between "
              + streamed.first()
              + " and "
              + after.first()
              + " (flush interval "
              + FLUSH_SECONDS
              + " s); restart to ready "
              + seconds(toReady));
      assertThat(lost)
          .as("seconds missing in %s (read before the kill: %s)", span, streamed)
          .isLessThanOrEqualTo(FLUSH_SECONDS + 1);
    }
  }

  @Test
  void sixtySecondsDownLeaveNoGap() {
    InstanceAgents agents = new InstanceAgents(server);
    String id = TestAgent.uniqueId("down-60s");
    try (AgentProcess agent = GracefulRestartContract.startAgent(server, id)) {
      agents.awaitConnected(id);
      agents.hold(id, 1);
      RawHistory streamed = agents.awaitPoints(id, Seconds.now(), 3);

      server.stop();
      long stoppedAt = Seconds.now();
      await("the server to stay down " + DOWN_SECONDS + " s")
          .pollInterval(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(DOWN_SECONDS + 30))
          .until(() -> Seconds.now() >= stoppedAt + DOWN_SECONDS);
      Duration toReady = server.start();
      long readyAt = Seconds.now();
      agents.awaitConnected(id);
      RawHistory after = agents.awaitPoints(id, readyAt + 1, 3);

      RawHistory span = RawHistory.read(server, id, streamed.first(), after.first());
      Figures.print(
          "EmbeddedStoreIT",
          "down "
              + (readyAt - stoppedAt)
              + " s: "
              + Seconds.missing(span.timestamps(), streamed.first(), after.first())
              + " s missing, widest step "
              + span.maxGap()
              + " s; restart to ready "
              + seconds(toReady));
      assertThat(span.timestamps())
          .as("points streamed before the stop")
          .containsAll(streamed.timestamps());
      assertThat(span.maxGap())
          .as("steps between points across the outage %s", span)
          .isLessThanOrEqualTo(2);
    }
  }

  @Override
  LibertyInstance server() {
    return server;
  }
}
