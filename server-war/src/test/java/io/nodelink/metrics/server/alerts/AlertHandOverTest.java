package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two servers of a cluster on one database: an agent that moves from one to the other keeps its
 * alert state (the second takes it up from the store, no new firing), and the first forgets it.
 */
@ExtendWith(TestDatabases.class)
class AlertHandOverTest {

  private final TestDatabases databases;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final CpuSnapshots snapshots = new CpuSnapshots(clock);

  AlertHandOverTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFiringAlertFollowsItsAgentToAnotherServer(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase stateOfA = databases.state(dataSource);
    StateDatabase stateOfB = databases.state(dataSource);
    AlertBook onA =
        new AlertBook(new JdbcAlertStore(stateOfA), clock, AlertSettings.defaults(), c -> {});
    List<AlertChanged> changesOnB = new ArrayList<>();
    AlertBook onB =
        new AlertBook(
            new JdbcAlertStore(stateOfB), clock, AlertSettings.defaults(), changesOnB::add);

    snapshots.evaluate(new AgentAlerts("db1", onA), 97);
    assertThat(onA.firingCount("db1")).isEqualTo(1);
    Instant firingSince = onA.active().iterator().next().firingSince();
    stateOfA.flush();

    onB.takeUp("db1");
    AgentAlerts movedToB = new AgentAlerts("db1", onB);
    snapshots.evaluate(movedToB, 98);
    assertThat(changesOnB).as("still firing: no transition on b").isEmpty();
    assertThat(onB.active())
        .singleElement()
        .satisfies(a -> assertThat(a.firingSince()).isEqualTo(firingSince));

    onA.keepOnly(agentId -> !agentId.equals("db1"));
    assertThat(onA.active()).as("a let go of the agent").isEmpty();

    snapshots.evaluate(movedToB, 10);
    assertThat(changesOnB)
        .singleElement()
        .satisfies(c -> assertThat(c.transition().to()).isEqualTo(AlertState.RESOLVED));
    stateOfB.flush();
    onA.takeUp("db1");
    assertThat(onA.active()).as("resolved on b, so nothing to take back on a").isEmpty();
  }
}
