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

/** A restart keeps firing alerts firing: the next server takes them up instead of firing again. */
@ExtendWith(TestDatabases.class)
class AlertRestartTest {

  private final TestDatabases databases;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T10:00:00Z"));

  AlertRestartTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFiringAlertSurvivesARestartAndResolvesAfterIt(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    CpuSnapshots snapshots = new CpuSnapshots(clock);

    StateDatabase before = databases.state(dataSource);
    AlertBook first =
        new AlertBook(new JdbcAlertStore(before), clock, AlertSettings.defaults(), c -> {});
    snapshots.evaluate(new AgentAlerts("db1", first), 97);
    assertThat(first.firingCount("db1")).isEqualTo(1);
    before.flush();

    List<AlertChanged> changes = new ArrayList<>();
    StateDatabase after = databases.state(dataSource);
    AlertBook second =
        new AlertBook(new JdbcAlertStore(after), clock, AlertSettings.defaults(), changes::add);
    assertThat(second.active())
        .singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.FIRING));
    assertThat(second.history(t -> true, 0, 10))
        .extracting(t -> t.from().json() + ">" + t.to().json())
        .containsExactly("inactive>firing");

    AgentAlerts again = new AgentAlerts("db1", second);
    snapshots.evaluate(again, 98);
    assertThat(changes).isEmpty();
    snapshots.evaluate(again, 10);
    assertThat(changes)
        .singleElement()
        .satisfies(c -> assertThat(c.transition().to()).isEqualTo(AlertState.RESOLVED));
  }
}
