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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server on a real PostgreSQL: {@link GracefulRestartContract}, and the database going away for
 * 30 s under load (real agents and test agents streaming every second). Meanwhile the live API and
 * SSE keep working, readiness stays UP and the store's health check says it is degraded; afterwards
 * the history of the whole period has no gap, and still none after a graceful restart, so it was
 * written to the database.
 */
class PostgresStoreIT extends GracefulRestartContract {

  private static final int OUTAGE_SECONDS = 30;
  private static final int REAL_AGENTS = 2;
  private static final int TEST_AGENTS = 10;

  private static PostgresServer postgres;
  private static LibertyInstance server;

  @RegisterExtension final ServerLogOnFailure log = new ServerLogOnFailure(() -> server);

  @BeforeAll
  static void startDatabaseAndServer() {
    AgentProcess.assumeAgentJar();
    postgres =
        PostgresServer.startEmpty(Path.of("target", "durable-postgres"), DurablePorts.postgres());
    Map<String, String> env = new HashMap<>(postgres.nodelinkEnv());
    env.put("NODELINK_COLLECTION_INTERVAL", BASELINE);
    server = LibertyInstance.create("durable-postgres", DurablePorts.postgresServer(), env);
    Figures.print("PostgresStoreIT", "first start to ready " + seconds(server.start()));
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

  @Override
  LibertyInstance server() {
    return server;
  }

  @Test
  void databaseOutageLosesNothingWhileTheLiveApiKeepsWorking() {
    InstanceAgents agents = new InstanceAgents(server);
    Map<String, AgentProcess> real = new LinkedHashMap<>();
    List<TestAgent> simulated = new ArrayList<>();
    try {
      for (int i = 0; i < REAL_AGENTS; i++) {
        String id = TestAgent.uniqueId("db-outage-real");
        real.put(id, startAgent(server, id));
      }
      for (int i = 0; i < TEST_AGENTS; i++) {
        simulated.add(
            TestAgent.builder(TestAgent.uniqueId("db-outage-test"))
                .port(server.ports().grpc())
                .connect());
      }
      List<String> ids = new ArrayList<>(real.keySet());
      simulated.forEach(agent -> ids.add(agent.agentId()));
      ids.forEach(agents::awaitConnected);
      ids.forEach(id -> agents.hold(id, 1));
      long from = Seconds.now() + 2;
      ids.forEach(id -> agents.awaitPoints(id, from, 3));

      long restoredAt = outage(agents, ids.get(0));

      long to = restoredAt + 5;
      Map<String, RawHistory> recorded = new LinkedHashMap<>();
      for (String id : ids) {
        RawHistory history = agents.settled(id, from, to);
        assertCovers(id, history, from, to);
        recorded.put(id, history);
      }
      simulated.forEach(TestAgent::close);
      Figures.print(
          "PostgresStoreIT",
          "database down "
              + OUTAGE_SECONDS
              + " s under "
              + ids.size()
              + " agents at 1 s: "
              + recorded.values().stream()
                  .mapToLong(h -> Seconds.missing(h.timestamps(), from, to))
                  .sum()
              + " s missing in all");

      server.stop();
      Figures.print(
          "PostgresStoreIT", "restart after the outage to ready " + seconds(server.start()));
      recorded.forEach(
          (id, history) ->
              assertThat(RawHistory.read(server, id, from, to).points())
                  .as("%s history %d..%d after the restart", id, from, to)
                  .isEqualTo(history.points()));
    } finally {
      simulated.forEach(TestAgent::close);
      real.values().forEach(AgentProcess::close);
      if (!postgres.isRunning()) {
        postgres.start();
      }
    }
  }

  /**
   * Stops PostgreSQL for {@link #OUTAGE_SECONDS}, checking the live side meanwhile; returns when it
   * is back (Unix seconds).
   */
  private long outage(InstanceAgents agents, String watched) {
    try (SseTestClient sse =
        SseTestClient.open(
            server.api("/agents/" + watched + "/metrics/stream?interval=1"), Map.of())) {
      assertThat(sse.awaitStatus()).isEqualTo(200);
      postgres.stop();
      long stoppedAt = Seconds.now();

      JsonNode degraded =
          await("the store's health check to say degraded")
              .atMost(Duration.ofSeconds(OUTAGE_SECONDS))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> StoreHealth.check(server).filter(StoreHealth::isDegraded).orElse(null),
                  c -> c != null);
      Figures.print("PostgresStoreIT", "store health during the outage: " + degraded);
      assertThat(StoreHealth.isReady(server)).as("/health/ready during the outage").isTrue();
      SseEvent live =
          sse.awaitEvent("metrics", e -> timestamp(e) > stoppedAt, 1, Duration.ofSeconds(15));
      assertThat(timestamp(live)).isGreaterThan(stoppedAt);
      JsonNode latest = Contract.assertOk(server.get("/agents/" + watched + "/metrics"));
      assertThat(latest.path("timestamp").asLong()).as("%s", latest).isGreaterThan(stoppedAt);
      assertThat(agents.listing().size()).isGreaterThanOrEqualTo(REAL_AGENTS + TEST_AGENTS);

      await("the database to stay down " + OUTAGE_SECONDS + " s")
          .pollInterval(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(OUTAGE_SECONDS + 30))
          .until(() -> Seconds.now() >= stoppedAt + OUTAGE_SECONDS);
      assertThat(StoreHealth.isReady(server)).as("/health/ready at the end of the outage").isTrue();
      postgres.start();
      long restoredAt = Seconds.now();
      await("the store's health check to recover")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> StoreHealth.check(server).filter(c -> !StoreHealth.isDegraded(c)).isPresent());
      return restoredAt;
    }
  }

  private static void assertCovers(String id, RawHistory history, long from, long to) {
    assertThat(history.size()).as("%s history %d..%d", id, from, to).isPositive();
    assertThat(history.first()).as("%s first point %s", id, history).isLessThanOrEqualTo(from + 2);
    assertThat(history.last()).as("%s last point %s", id, history).isGreaterThanOrEqualTo(to - 2);
    assertThat(history.maxGap())
        .as("%s steps between points %s", id, history)
        .isLessThanOrEqualTo(2);
  }

  private static long timestamp(SseEvent event) {
    return event.json().path("timestamp").asLong();
  }
}
