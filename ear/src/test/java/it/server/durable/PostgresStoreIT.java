package it.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.sse.SseEvent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.AgentProcess;
import it.support.Contract;
import it.support.PostgresServer;
import it.support.liberty.LibertyInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The server on a real PostgreSQL loses the database for 30 s under load (real agents and test
 * agents streaming every second). Meanwhile the live API and SSE keep working, readiness stays UP
 * and the store's health check says it is degraded; afterwards the history of the whole period has
 * no gap, and a graceful restart keeps it point for point (so it reached the database) along with
 * everything of {@link RestartScenario}.
 */
@Tag("durable")
// Beside the other classes (see ear/pom.xml); its own methods one after the other, in order.
@Execution(ExecutionMode.CONCURRENT)
class PostgresStoreIT {

  private static final int OUTAGE_SECONDS = 30;
  private static final int TEST_AGENTS = 10;

  private static PostgresServer postgres;
  private static LibertyInstance server;

  @RegisterExtension final ServerLogOnFailure log = new ServerLogOnFailure(() -> server);

  @BeforeAll
  static void startDatabaseAndServer() {
    AgentProcess.assumeAgentJar();
    postgres =
        PostgresServer.startEmpty(Path.of("target", "durable-postgres"), DurablePorts.postgres());
    server =
        DurableServers.start(
            "durable-postgres", DurablePorts.postgresServer(), postgres.nodelinkEnv());
  }

  @AfterAll
  static void removeServerAndDatabase() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void databaseOutageUnderLoadLosesNothingAndAGracefulRestartKeepsIt() {
    InstanceAgents agents = new InstanceAgents(server);
    String otherId = TestAgent.uniqueId("db-outage-real");
    List<TestAgent> load = new ArrayList<>();
    try (RestartScenario scenario = RestartScenario.begin(server);
        AgentProcess other = agents.startReal(otherId)) {
      for (int i = 0; i < TEST_AGENTS; i++) {
        load.add(
            TestAgent.builder(TestAgent.uniqueId("db-outage-test"))
                .port(server.ports().grpc())
                .connect());
      }
      List<String> ids = new ArrayList<>(List.of(scenario.streamingId(), otherId));
      load.forEach(agent -> ids.add(agent.agentId()));
      ids.forEach(agents::awaitConnected);
      ids.forEach(id -> agents.hold(id, 1));
      long from = Seconds.now() + 2;
      ids.forEach(id -> agents.awaitPoints(id, from, 3));

      long restoredAt = outage(agents, scenario.streamingId());
      long to = restoredAt + 5;
      Map<String, RawHistory> recorded = settledWithoutGaps(agents, ids, from, to);

      scenario.beforeStop();
      load.forEach(TestAgent::close);
      server.stop();
      Duration toReady = server.start();
      Figures.print("PostgresStoreIT", "graceful start to ready " + Figures.seconds(toReady));
      scenario.assertKept(Seconds.now());
      recorded.forEach(
          (id, history) ->
              assertThat(RawHistory.read(server, id, from, to).points())
                  .as("%s history %d..%d after the restart", id, from, to)
                  .isEqualTo(history.points()));
    } finally {
      load.forEach(TestAgent::close);
      if (!postgres.isRunning()) {
        postgres.start();
      }
    }
  }

  /**
   * Stops PostgreSQL for {@link #OUTAGE_SECONDS}, checking the live side meanwhile; returns when it
   * was started again (Unix seconds), once the store says it is no longer degraded.
   */
  private long outage(InstanceAgents agents, String watched) {
    try (SseTestClient sse =
        SseTestClient.open(
            server.api("/agents/" + watched + "/metrics/stream?interval=1"), Map.of())) {
      assertThat(sse.awaitStatus()).isEqualTo(200);
      postgres.stop();
      long stoppedAt = Seconds.now();
      assertLiveWhileDegraded(agents, sse, watched, stoppedAt);
      await("the database to stay down " + OUTAGE_SECONDS + " s")
          .pollInterval(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(OUTAGE_SECONDS + 30))
          .until(() -> Seconds.now() >= stoppedAt + OUTAGE_SECONDS);
      assertThat(StoreHealth.isReady(server)).as("/health/ready at the end of the outage").isTrue();
    }
    postgres.start();
    long restoredAt = Seconds.now();
    await("the store's health check to recover")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> StoreHealth.check(server).filter(c -> !StoreHealth.isDegraded(c)).isPresent());
    return restoredAt;
  }

  private void assertLiveWhileDegraded(
      InstanceAgents agents, SseTestClient sse, String watched, long stoppedAt) {
    JsonNode degraded =
        await("the store's health check to say degraded")
            .atMost(Duration.ofSeconds(OUTAGE_SECONDS))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> StoreHealth.check(server).filter(StoreHealth::isDegraded).orElse(null),
                check -> check != null);
    Figures.print("PostgresStoreIT", "store health during the outage: " + degraded);
    assertThat(StoreHealth.isReady(server)).as("/health/ready during the outage").isTrue();
    SseEvent live =
        sse.awaitEvent("metrics", e -> timestamp(e) > stoppedAt, 1, Duration.ofSeconds(15));
    assertThat(timestamp(live)).isGreaterThan(stoppedAt);
    JsonNode latest = Contract.assertOk(server.get("/agents/" + watched + "/metrics"));
    assertThat(latest.path("timestamp").asLong()).as("%s", latest).isGreaterThan(stoppedAt);
    assertThat(agents.listing().size()).isGreaterThanOrEqualTo(2 + TEST_AGENTS);
  }

  /** Each agent's history of {@code from..to} once settled, asserted to have no gap. */
  private static Map<String, RawHistory> settledWithoutGaps(
      InstanceAgents agents, List<String> ids, long from, long to) {
    Map<String, RawHistory> recorded = new LinkedHashMap<>();
    long missing = 0;
    for (String id : ids) {
      RawHistory history = agents.settled(id, from, to);
      assertThat(history.size()).as("%s history %d..%d", id, from, to).isPositive();
      assertThat(history.first()).as("%s %s", id, history).isLessThanOrEqualTo(from + 2);
      assertThat(history.last()).as("%s %s", id, history).isGreaterThanOrEqualTo(to - 2);
      assertThat(history.maxGap()).as("%s steps %s", id, history).isLessThanOrEqualTo(2);
      missing += Seconds.missing(history.timestamps(), from, to);
      recorded.put(id, history);
    }
    Figures.print(
        "PostgresStoreIT",
        "database down "
            + OUTAGE_SECONDS
            + " s under "
            + ids.size()
            + " agents at 1 s: "
            + missing
            + " s missing in all");
    return recorded;
  }

  private static long timestamp(SseEvent event) {
    return event.json().path("timestamp").asLong();
  }
}
