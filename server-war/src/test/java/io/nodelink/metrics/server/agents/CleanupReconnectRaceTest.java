package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.server.ingest.IngestListener;
import io.nodelink.metrics.server.streaming.StreamingStatus;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cleanup forgetting an agent while the same agent reconnects. Before the registry owned the
 * lifecycle, the cleanup could remove an entry that a reconnect had just fetched, leaving the new
 * stream attached to a detached entry (the agent streamed into the void). Each test pauses one
 * transition inside its event and drives the other into it, so the interleaving is the same on
 * every run.
 */
class CleanupReconnectRaceTest {

  private static final Duration RETENTION = Duration.ofMinutes(30);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ServerGraph server = new ServerGraph(clock, true, IngestListener.NONE);
  private final CountDownLatch paused = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releasePausedThreads() {
    release.countDown();
  }

  @Test
  void reconnectDuringTheForgetIsRegisteredAfterItAndKeepsItsTasks() throws Exception {
    agentWentOfflineLongAgo();
    pauseAt(AgentForgotten.class);
    AtomicReference<List<String>> forgotten = new AtomicReference<>();

    Thread cleanup = start(() -> forgotten.set(forgetExpired()));
    paused.await(5, TimeUnit.SECONDS);
    FakeChannel reconnect = new FakeChannel("a1");
    Thread agent = start(() -> server.ingest.connected(reconnect));
    await().until(() -> agent.getState() == Thread.State.BLOCKED);
    release.countDown();
    join(cleanup, agent);

    assertThat(forgotten.get()).containsExactly("a1");
    assertThat(server.agents.isCurrent(reconnect)).isTrue();
    assertThat(server.agents.require("a1").connected()).isTrue();
    assertThat(server.events()).endsWith(new AgentForgotten("a1"), new AgentConnected("a1"));
    // The new stream's system-info request was made after the forget, so it survived it.
    assertThat(reconnect.sent()).hasSize(1);
    assertThat(server.tasks.forAgent("a1"))
        .singleElement()
        .satisfies(t -> assertThat(t.type()).isEqualTo(TaskType.SYSTEM_INFO));
  }

  @Test
  void cleanupDuringAReconnectSeesTheAgentOnlineAndKeepsIt() throws Exception {
    agentWentOfflineLongAgo();
    pauseAt(AgentConnected.class);
    AtomicReference<List<String>> forgotten = new AtomicReference<>();
    FakeChannel reconnect = new FakeChannel("a1");

    Thread agent = start(() -> server.ingest.connected(reconnect));
    paused.await(5, TimeUnit.SECONDS);
    Thread cleanup = start(() -> forgotten.set(forgetExpired()));
    await().until(() -> cleanup.getState() == Thread.State.BLOCKED);
    release.countDown();
    join(cleanup, agent);

    assertThat(forgotten.get()).isEmpty();
    assertThat(server.agents.isCurrent(reconnect)).isTrue();
    assertThat(server.events()).doesNotContain(new AgentForgotten("a1"));
  }

  @Test
  void aClientHoldTakenJustAfterTheForgetLeavesNoStreamingDemandBehind() {
    agentWentOfflineLongAgo();
    assertThat(forgetExpired()).containsExactly("a1");

    // An SSE client that passed the "agent known" check just before the forget.
    server.streaming.holdForClient("a1", "sse-late", 1);
    server.streaming.releaseClient("a1", "sse-late");

    assertThat(server.streaming.status("a1")).isEqualTo(StreamingStatus.IDLE);
    assertThat(server.streaming.trackedAgents()).isZero();
  }

  private void agentWentOfflineLongAgo() {
    FakeChannel first = new FakeChannel("a1");
    server.ingest.connected(first);
    first.end();
    server.ingest.disconnected(first);
    clock.advanceSeconds(RETENTION.toSeconds() + 60);
  }

  private List<String> forgetExpired() {
    return server.agents.forgetOfflineSince(clock.instant().minus(RETENTION));
  }

  private void pauseAt(Class<?> eventType) {
    server.beforeObservers =
        event -> {
          if (eventType.isInstance(event) && paused.getCount() > 0) {
            paused.countDown();
            awaitRelease();
          }
        };
  }

  private void awaitRelease() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread start(Runnable work) {
    Thread thread = new Thread(work, "race-" + work.hashCode());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread... threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(t.isAlive()).as("%s finished", t.getName()).isFalse();
    }
  }
}
