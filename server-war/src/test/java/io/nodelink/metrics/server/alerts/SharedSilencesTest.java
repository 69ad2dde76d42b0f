package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.TestDatabases;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Servers of a cluster on one database: a silence made or ended on one applies on the other. */
@ExtendWith(TestDatabases.class)
class SharedSilencesTest {

  private final TestDatabases databases;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));

  SharedSilencesTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void silencesMadeOrEndedOnOneServerApplyOnTheOther(DatabaseKind kind) {
    DataSource dataSource = databases.fresh(kind);
    StateDatabase stateOfA = databases.state(dataSource);
    Silences onA = silences(stateOfA);
    Silences onB = silences(databases.state(dataSource));

    Silence made =
        onA.create(
            Json.createReader(
                    new StringReader(
                        "{\"matchers\": {\"agent_id\": \"db1\"}, \"until\": \"2026-12-01T12:00:00Z\"}"))
                .readObject(),
            "admin");
    stateOfA.flush();
    assertThat(onB.active()).as("before b's next reload").isEmpty();
    onB.reloadStored();
    assertThat(onB.active()).extracting(Silence::id).containsExactly(made.id());

    onA.delete(made.id());
    stateOfA.flush();
    onB.reloadStored();
    assertThat(onB.active()).isEmpty();
  }

  private Silences silences(StateDatabase state) {
    Silences silences = new Silences();
    silences.store = new JdbcAlertStore(state);
    silences.clock = clock;
    silences.restore();
    return silences;
  }
}
