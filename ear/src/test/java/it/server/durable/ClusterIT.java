package it.server.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.AgentProcess;
import it.support.ApiResponse;
import it.support.Contract;
import it.support.PostgresServer;
import it.support.liberty.InstancePorts;
import it.support.liberty.LibertyInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two real Liberty servers of one cluster on one real PostgreSQL, and real agents given both
 * servers: either server answers for any agent (the listing, the agent's summary, its history, a
 * manual start and its task, its live SSE stream), an agent whose server is killed is on the other
 * within its reconnect time with its manual hold and no history lost beyond the dead server's last
 * flush interval, the other server takes over the dead one's tasks and the agent's alert state, a
 * rule made through one server applies on the other, and an agent that reconnected elsewhere while
 * its old stream still looked alive is held by one server only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("durable")
// Beside the other classes (see ear/pom.xml); its own methods one after the other, in order.
@Execution(ExecutionMode.CONCURRENT)
class ClusterIT {

  private static PostgresServer postgres;
  private static LibertyInstance serverA;
  private static LibertyInstance serverB;

  @RegisterExtension final ServerLogOnFailure logA = new ServerLogOnFailure(() -> serverA);

  @RegisterExtension final ServerLogOnFailure logB = new ServerLogOnFailure(() -> serverB);

  @BeforeAll
  static void startDatabaseAndServers() {
    AgentProcess.assumeAgentJar();
    postgres =
        PostgresServer.startEmpty(
            Path.of("target", "cluster-postgres"), DurablePorts.clusterPostgres());
    // Both at once: a Liberty start is mostly waiting on one core of the two.
    CompletableFuture<LibertyInstance> a =
        CompletableFuture.supplyAsync(
            () ->
                DurableServers.start(
                    "cluster-a",
                    DurablePorts.clusterServerA(),
                    env("a", DurablePorts.clusterServerA())));
    serverB =
        DurableServers.start(
            "cluster-b", DurablePorts.clusterServerB(), env("b", DurablePorts.clusterServerB()));
    serverA = a.join();
  }

  private static Map<String, String> env(String nodeId, int firstPort) {
    Map<String, String> env = new HashMap<>(postgres.nodelinkEnv());
    env.put("NODELINK_CLUSTER_NODE_ID", nodeId);
    env.put(
        "NODELINK_CLUSTER_ADVERTISE_URL",
        "http://127.0.0.1:" + InstancePorts.from(firstPort).http());
    env.put("NODELINK_CLUSTER_HEARTBEAT", "1s");
    env.put("NODELINK_CLUSTER_NODE_TIMEOUT", "4s");
    // Three flush intervals: the shortest that leaves a live writer's beat no room to be missed.
    env.put("NODELINK_STORE_WRITER_TIMEOUT", (3 * DurableServers.FLUSH_SECONDS) + "s");
    return env;
  }

  @AfterAll
  static void removeServersAndDatabase() {
    try {
      for (LibertyInstance server : new LibertyInstance[] {serverA, serverB}) {
        if (server != null) {
          server.close();
        }
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static String bothServers() {
    return serverA.grpcTarget() + "," + serverB.grpcTarget();
  }

  /** Last: it kills server a. */
  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(2)
  void eitherServerAnswersForAnAgentAndItsHoldFollowsItWhenItsServerDies() {
    InstanceAgents onA = new InstanceAgents(serverA);
    InstanceAgents onB = new InstanceAgents(serverB);
    String id = TestAgent.uniqueId("cluster-real");
    try (AgentProcess agent =
        AgentProcess.startAt(
            bothServers(), id, AgentProcess.SHARED_TOKEN, "-Dreconnect.max-seconds=1")) {
      onA.awaitConnected(id);
      await("server b to list " + id + " as connected")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> onB.listing().path(id).path("connected").asBoolean(false));
      JsonNode viaB = onB.summary(id);
      assertThat(viaB.path("connected").asBoolean()).as("summary through b: %s", viaB).isTrue();

      String rule = "Everywhere-" + id;
      ApiResponse created =
          serverB.post(
              "/alerts/rules",
              "{\"name\":\""
                  + rule
                  + "\",\"metric\":\"cpu.usage_percent\",\"agg\":\"last\",\"op\":\">=\","
                  + "\"threshold\":0,\"agents\":[\""
                  + id
                  + "\"]}");
      assertThat(created.status()).as(created.describe()).isEqualTo(201);
      String holdTask = onB.hold(id, 1);
      // In progress as long as the hold runs: the same answer from either server.
      JsonNode taskOnA = onA.awaitTask(holdTask, "in progress", ClusterIT::inProgress);
      JsonNode taskViaB = onB.awaitTask(holdTask, "in progress", ClusterIT::inProgress);
      assertThat(taskViaB).as("the task through b, held by a").isEqualTo(taskOnA);
      // The agent's tasks through b: a answers with its own and b's (b holds none of them yet).
      JsonNode listedViaB = Contract.assertOk(serverB.get("/agents/" + id + "/tasks"));
      assertThat(listedViaB.path("tasks"))
          .as("the agent's tasks through b: %s", listedViaB)
          .anySatisfy(task -> assertThat(task.path("task_id").asText()).isEqualTo(holdTask));
      RawHistory streamed = onB.awaitPoints(id, Seconds.now(), 3);
      // The rule made through b reaches a, which evaluates the agent connected to it.
      JsonNode firingOnA = onA.awaitAlert(rule, id, "firing");
      // Any server answers for the whole cluster's alerts: b lists the one a evaluates, and its
      // log.
      JsonNode listedByB = onB.awaitAlert(rule, id, "firing");
      assertThat(listedByB.path("firing_since"))
          .as("a's alert, listed through b: %s", listedByB)
          .isEqualTo(firingOnA.path("firing_since"));
      JsonNode logViaB =
          Contract.assertOk(serverB.get("/alerts/history?agent_id=" + id + "&rule=" + rule));
      assertThat(logViaB.path("events"))
          .as("a's alert log through b: %s", logViaB)
          .anySatisfy(event -> assertThat(event.path("to").asText()).isEqualTo("firing"));
      try (SseTestClient alertsViaB = SseTestClient.open(serverB.api("/alerts/stream"), Map.of())) {
        assertThat(alertsViaB.awaitStatus()).isEqualTo(200);
        alertsViaB.awaitEvent(
            "alert",
            event ->
                event.json().path("agent_id").asText().equals(id)
                    && event.json().path("rule").asText().equals(rule));
      }
      assertThat(streamed.maxGap()).as("history through b: %s", streamed).isLessThanOrEqualTo(2);
      try (SseTestClient sse =
          SseTestClient.open(serverB.api("/agents/" + id + "/metrics/stream"), Map.of())) {
        assertThat(sse.awaitStatus()).isEqualTo(200);
        sse.awaitEvent("metrics", 2);
      }
      // Prometheus scrapes every server: the agent is exposed by a, where it is, and not by b.
      String instance = "instance=\"" + id + "\"";
      ApiResponse exposedByA = serverA.get("/metrics/prometheus");
      assertThat(exposedByA.status()).as(exposedByA.describe()).isEqualTo(200);
      assertThat(exposedByA.body().lines())
          .as("a's exposition")
          .anyMatch(line -> line.startsWith("nodelink_agent_up{") && line.contains(instance));
      ApiResponse exposedByB = serverB.get("/metrics/prometheus");
      assertThat(exposedByB.status()).as(exposedByB.describe()).isEqualTo(200);
      assertThat(exposedByB.body()).as("b's exposition").doesNotContain(instance);
      ApiResponse unknown = serverB.get("/agents/" + TestAgent.uniqueId("nobody"));
      assertThat(unknown.status()).as(unknown.describe()).isEqualTo(404);

      // Several flush intervals of history on a, most of it in its tail records only: without b
      // writing them after a dies, they would be missing from the history.
      onA.awaitPoints(id, streamed.first(), 3 * DurableServers.FLUSH_SECONDS);
      serverA.kill9();
      long killedAt = Seconds.now();
      onB.awaitConnected(id);
      long failedOverAt = Seconds.now();
      RawHistory resumed = onB.awaitPoints(id, failedOverAt + 1, 3);
      assertThat(resumed.maxGap())
          .as("the manual hold at 1 s, on b after the failover: %s", resumed)
          .isLessThanOrEqualTo(2);
      Figures.print(
          "ClusterIT",
          "agent on the other server " + (failedOverAt - killedAt) + " s after kill -9");
      JsonNode firingOnB = onB.awaitAlert(rule, id, "firing");
      assertThat(firingOnB.path("firing_since"))
          .as("the alert a fired, taken up by b (not fired again): %s", firingOnB)
          .isEqualTo(firingOnA.path("firing_since"));
      JsonNode takenOver =
          onB.awaitTask(holdTask, "failed", t -> t.path("status").asText().equals("failed"));
      assertThat(takenOver.path("error").asText())
          .as("a's task, taken over by b: %s", takenOver)
          .contains("server a stopped");
      // What a had not written into chunks is written by b once a is taken for dead: only what a
      // received after its last flush may be missing.
      long lost =
          await("b to write a's unwritten history of " + id)
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofSeconds(1))
              .ignoreExceptions()
              .until(
                  () ->
                      Seconds.missing(
                          RawHistory.read(serverB, id, streamed.first(), resumed.first())
                              .timestamps(),
                          streamed.first(),
                          resumed.first()),
                  missing -> missing <= DurableServers.FLUSH_SECONDS + 1);
      Figures.print(
          "ClusterIT",
          lost
              + " s of history lost from "
              + streamed.first()
              + " to "
              + resumed.first()
              + " after kill -9 of a (flush interval "
              + DurableServers.FLUSH_SECONDS
              + " s)");
      assertThat(failedOverAt - killedAt).isLessThanOrEqualTo(30);
      assertThat(StoreHealth.check(serverB))
          .as("b's history store, sharing the database under its own writer id")
          .hasValueSatisfying(c -> assertThat(StoreHealth.isDegraded(c)).as("%s", c).isFalse());
    }
  }

  private static boolean inProgress(JsonNode task) {
    return task.path("status").asText().equals("in_progress");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(1)
  void anAgentThatReconnectedElsewhereIsHeldByOneServer() {
    InstanceAgents onA = new InstanceAgents(serverA);
    InstanceAgents onB = new InstanceAgents(serverB);
    String id = TestAgent.uniqueId("cluster-blip");
    try (TestAgent old = TestAgent.builder(id).port(serverA.ports().grpc()).connect()) {
      onA.awaitConnected(id);
      try (TestAgent newer = TestAgent.builder(id).port(serverB.ports().grpc()).connect()) {
        onB.awaitConnected(id);
        old.ended().orTimeout(30, TimeUnit.SECONDS).join();
        JsonNode listedByA = onA.listing().path(id);
        JsonNode listedByB = onB.listing().path(id);
        assertThat(listedByA.path("connected").asBoolean()).as("a lists %s", listedByA).isTrue();
        assertThat(listedByB.path("connected").asBoolean()).as("b lists %s", listedByB).isTrue();
        assertThat(newer.ended()).as("the newer stream goes on").isNotDone();
        Contract.assertOk(serverA.get("/agents/" + id));
      }
    }
  }
}
