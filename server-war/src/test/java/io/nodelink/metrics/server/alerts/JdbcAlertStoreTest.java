package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabases.class)
class JdbcAlertStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final TestDatabases databases;

  JdbcAlertStoreTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void keepsRulesActiveAlertsTheLogAndSilences(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcAlertStore store = new JdbcAlertStore(state);
    AlertRule rule =
        RuleJson.parse(
            "{\"name\":\"HighCpu\",\"metric\":\"cpu.usage_percent\",\"threshold\":90,"
                + "\"clear_threshold\":80,\"labels\":{\"team\":\"ops\"}}",
            AlertRule.SOURCE_API);
    AlertKey key = new AlertKey("HighCpu", "db1", "");
    Alert firing =
        new Alert(
            key, AlertState.FIRING, "warning", 95.5, T0, T0.plusSeconds(5), null, "hot", Map.of());
    store.saveRule(rule);
    store.saveAlert(firing);
    store.saveAlert(
        new Alert(
            new AlertKey("Disk", "db1", "sda1"),
            AlertState.PENDING,
            "critical",
            96,
            T0,
            null,
            null,
            "full",
            Map.of()));
    store.appendTransition(
        new AlertTransition(
            "e1", T0, key, AlertState.INACTIVE, AlertState.PENDING, "warning", 95.5, "hot"));
    store.appendTransition(
        new AlertTransition(
            "e2",
            T0.plusSeconds(5),
            key,
            AlertState.PENDING,
            AlertState.FIRING,
            "warning",
            Double.NaN,
            "hot"));
    store.saveSilence(
        new Silence(
            "s1",
            Map.of("rule", "HighCpu", "agent_id", "db-*"),
            T0,
            T0.plusSeconds(3600),
            "it-operator",
            "maintenance"));
    state.flush();

    assertThat(store.loadRules()).containsExactly(rule);
    assertThat(store.loadActive()).hasSize(2).contains(firing);
    List<AlertTransition> log = store.loadTransitions(T0, 10);
    assertThat(log).extracting(AlertTransition::id).containsExactly("e2", "e1");
    assertThat(log.get(0).value()).isNaN();
    assertThat(store.loadSilences())
        .singleElement()
        .satisfies(s -> assertThat(s.matchers()).containsEntry("agent_id", "db-*"));

    store.saveAlert(
        new Alert(
            key, AlertState.RESOLVED, "warning", 10, T0, T0, T0.plusSeconds(9), "", Map.of()));
    store.deleteRule("HighCpu");
    store.deleteSilence("s1");
    store.pruneTransitions(T0.plusSeconds(1));
    state.flush();

    assertThat(store.loadRules()).isEmpty();
    assertThat(store.loadActive())
        .extracting(Alert::key)
        .containsExactly(new AlertKey("Disk", "db1", "sda1"));
    assertThat(store.loadTransitions(T0, 10)).extracting(AlertTransition::id).containsExactly("e2");
    assertThat(store.loadSilences()).isEmpty();
  }
}
