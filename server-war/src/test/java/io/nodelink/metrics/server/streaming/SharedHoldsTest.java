package io.nodelink.metrics.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.agents.AgentEvents;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.JdbcAgentRepository;
import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Servers of a cluster on one database: manual holds of agents connected to another server. */
@ExtendWith(TestDatabases.class)
class SharedHoldsTest {

  private final TestDatabases databases;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T05:00:00Z"));

  SharedHoldsTest(TestDatabases databases) {
    this.databases = databases;
  }

  /**
   * Server b's agent registry starts before the agent first connects (to a), and b's streaming
   * control is first used after a stored the agent's hold: b must leave it for the agent to take
   * along when it fails over to b. (Deleting the holds of agents b did not know lost a hold in
   * ClusterIT when the timing fell this way.)
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aServerLeavesTheStoredHoldsOfAgentsItHasNotSeen(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase stateOfB = databases.state(dataSource);
    AgentRegistry agentsOfB =
        new AgentRegistry(100, clock, AgentEvents.NONE, new JdbcAgentRepository(stateOfB));
    agentsOfB.restore();

    StateDatabase stateOfA = databases.state(dataSource);
    ServerGraph a = new ServerGraph(clock, stateOfA);
    a.ingest.connected(new FakeChannel("a1"));
    a.streaming.startManual("a1", 1, List.of("cpu"));
    assertThat(stateOfA.flush()).isTrue();

    TaskRegistry tasksOfB = new TaskRegistry(1000, clock);
    StreamingControl streamingOfB =
        new StreamingControl(
            agentsOfB,
            tasksOfB,
            new TaskDispatcher(agentsOfB, tasksOfB),
            0,
            new JdbcHoldRepository(stateOfB));
    streamingOfB.restore();
    assertThat(stateOfB.flush()).isTrue();

    assertThat(new JdbcHoldRepository(stateOfA).find("a1"))
        .contains(new ManualHold("a1", 1, List.of("cpu")));
  }
}
