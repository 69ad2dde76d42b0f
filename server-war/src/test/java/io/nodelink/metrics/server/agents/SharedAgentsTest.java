package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Servers of a cluster on one database: server b knows agent a1 from the database (it was stored
 * when b started) while a1 streams to server a, for longer than the retention of offline agents.
 */
@ExtendWith(TestDatabases.class)
class SharedAgentsTest {

  private static final Duration RETENTION = Duration.ofMinutes(30);

  private final TestDatabases databases;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T05:00:00Z"));
  private final Set<String> connectedToA = new HashSet<>();

  /** Server b's view of the cluster: the agents connected to a. */
  private final AgentPresence presenceForB =
      new AgentPresence() {
        @Override
        public boolean shared() {
          return true;
        }

        @Override
        public boolean connectedElsewhere(String agentId) {
          return connectedToA.contains(agentId);
        }

        @Override
        public boolean speaksForOfflineAgents() {
          return false;
        }
      };

  SharedAgentsTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anAgentConnectedToAnotherServerIsNeitherForgottenNorOverwritten(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase stateOfA = databases.state(dataSource);
    AgentRegistry a = registry(stateOfA, AgentPresence.ALONE);
    FakeChannel stream = new FakeChannel("a1");
    a.connect(stream);
    connectedToA.add("a1");
    assertThat(stateOfA.flush()).isTrue();
    StateDatabase stateOfB = databases.state(dataSource);
    AgentRegistry b = registry(stateOfB, presenceForB);
    b.restore();

    clock.advanceSeconds(RETENTION.multipliedBy(2).toSeconds());
    assertThat(b.forgetOfflineSince(clock.instant().minus(RETENTION))).isEmpty();
    b.onApplicationStopping(null);
    assertThat(stateOfB.flush()).isTrue();

    AgentState stored = new JdbcAgentRepository(stateOfA).loadAll().get(0);
    assertThat(stored.disconnectedAt())
        .as("a's row (connected, never disconnected), not b's stale view: %s", stored)
        .isNull();
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void anAgentThatLeftTheOtherServerIsForgottenOneRetentionAfterItWasLastSeenThere(
      DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase stateOfA = databases.state(dataSource);
    AgentRegistry a = registry(stateOfA, AgentPresence.ALONE);
    a.connect(new FakeChannel("a1"));
    connectedToA.add("a1");
    assertThat(stateOfA.flush()).isTrue();
    AgentRegistry b = registry(databases.state(dataSource), presenceForB);
    b.restore();

    clock.advanceSeconds(RETENTION.multipliedBy(2).toSeconds());
    assertThat(b.forgetOfflineSince(clock.instant().minus(RETENTION))).isEmpty();
    connectedToA.clear();
    clock.advanceSeconds(RETENTION.minusMinutes(1).toSeconds());
    assertThat(b.forgetOfflineSince(clock.instant().minus(RETENTION))).isEmpty();
    clock.advanceSeconds(120);
    assertThat(b.forgetOfflineSince(clock.instant().minus(RETENTION))).containsExactly("a1");
  }

  private AgentRegistry registry(StateDatabase state, AgentPresence presence) {
    return new AgentRegistry(
        100, clock, AgentEvents.NONE, new JdbcAgentRepository(state), presence);
  }
}
