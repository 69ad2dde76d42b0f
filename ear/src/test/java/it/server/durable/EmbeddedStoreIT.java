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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The server on the embedded default database (no database settings) goes away under a real agent
 * streaming every second: stopped gracefully for 60 s, it keeps everything ({@link
 * RestartScenario}) and the agent's buffer fills the minute it was down, so the history has no gap;
 * killed with {@code kill -9}, it loses at most what it had received but not yet written ({@code
 * nodelink.store.flush-interval}).
 */
@Tag("durable")
// Beside the other classes (see ear/pom.xml); its own methods one after the other, in order.
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedStoreIT {

  private static final int DOWN_SECONDS = 60;

  private static LibertyInstance server;

  @RegisterExtension final ServerLogOnFailure log = new ServerLogOnFailure(() -> server);

  @BeforeAll
  static void startServer() {
    AgentProcess.assumeAgentJar();
    server = DurableServers.start("durable-embedded", DurablePorts.embeddedServer(), Map.of());
  }

  @AfterAll
  static void removeServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void aMinuteDownThenAGracefulStartKeepsEverythingWithNoGap() {
    try (RestartScenario scenario = RestartScenario.begin(server)) {
      RawHistory before = scenario.beforeStop();

      server.stop();
      long stoppedAt = Seconds.now();
      await("the server to stay down " + DOWN_SECONDS + " s")
          .pollInterval(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(DOWN_SECONDS + 30))
          .until(() -> Seconds.now() >= stoppedAt + DOWN_SECONDS);
      Duration toReady = server.start();
      long readyAt = Seconds.now();

      scenario.assertKept(readyAt);
      RawHistory span = RawHistory.read(server, scenario.streamingId(), before.first(), readyAt);
      Figures.print(
          "EmbeddedStoreIT",
          "down "
              + (readyAt - stoppedAt)
              + " s: "
              + Seconds.missing(span.timestamps(), before.first(), readyAt)
              + " s missing, widest step "
              + span.maxGap()
              + " s; graceful start to ready "
              + Figures.seconds(toReady));
      assertThat(span.maxGap())
          .as("steps between points across the minute down %s", span)
          .isLessThanOrEqualTo(2);
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void killMinus9LosesAtMostTheFlushInterval() {
    InstanceAgents agents = new InstanceAgents(server);
    String id = TestAgent.uniqueId("killed-server");
    try (AgentProcess agent = agents.startReal(id)) {
      agents.awaitConnected(id);
      agents.hold(id, 1);
      RawHistory streamed = agents.awaitPoints(id, Seconds.now(), 8);
      String storeBeforeKill = StoreHealth.check(server).map(Object::toString).orElse("none");

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
              + " s lost from "
              + streamed.first()
              + " to "
              + after.first()
              + " (flush interval "
              + DurableServers.FLUSH_SECONDS
              + " s); start to ready "
              + Figures.seconds(toReady));
      assertThat(lost)
          .as(
              "seconds missing in %s (read before the kill: %s; store then: %s; history log:%n%s)",
              span, streamed, storeBeforeKill, server.logLines("history"))
          .isLessThanOrEqualTo(DurableServers.FLUSH_SECONDS + 1);
    }
  }
}
