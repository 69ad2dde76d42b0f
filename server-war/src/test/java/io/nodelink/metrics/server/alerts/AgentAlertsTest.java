package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.server.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentAlertsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T10:00:00Z"));
  private final List<AlertChanged> changes = new ArrayList<>();
  private final AlertBook book =
      new AlertBook(AlertStore.NONE, clock, AlertSettings.defaults(), changes::add);
  private final AgentAlerts alerts = new AgentAlerts("db1", book);

  private static CompiledRule rule(String json) {
    return new CompiledRule(RuleJson.parse(json, AlertRule.SOURCE_API));
  }

  private void snapshot(List<CompiledRule> rules, Map<String, Double> values) {
    alerts.evaluate(
        new AlertValues(SeriesBatch.of(values)),
        clock.instant().getEpochSecond(),
        rules,
        clock.instant());
    clock.advanceSeconds(1);
  }

  private List<String> transitions() {
    return changes.stream()
        .map(c -> c.transition().from().json() + ">" + c.transition().to().json())
        .toList();
  }

  @Test
  void cpuGoesPendingFiringAndResolvesWithHysteresis() {
    List<CompiledRule> rules =
        List.of(
            rule(
                "{\"name\":\"HighCpu\",\"metric\":\"cpu.usage_percent\",\"agg\":\"last\","
                    + "\"threshold\":90,\"clear_threshold\":80,\"for_seconds\":3}"));
    snapshot(rules, Map.of("cpu.usage_percent", 95.0));
    snapshot(rules, Map.of("cpu.usage_percent", 95.0));
    assertThat(transitions()).containsExactly("inactive>pending");
    snapshot(rules, Map.of("cpu.usage_percent", 95.0));
    snapshot(rules, Map.of("cpu.usage_percent", 95.0));
    assertThat(transitions()).containsExactly("inactive>pending", "pending>firing");
    assertThat(book.firingCount("db1")).isEqualTo(1);
    snapshot(rules, Map.of("cpu.usage_percent", 85.0)); // under 90, not under 80
    assertThat(transitions()).hasSize(2);
    assertThat(book.active()).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo(85));
    snapshot(rules, Map.of("cpu.usage_percent", 70.0));
    assertThat(transitions())
        .containsExactly("inactive>pending", "pending>firing", "firing>resolved");
    assertThat(book.active()).isEmpty();
    assertThat(changes.get(1).alert().summary()).isEqualTo("HighCpu on db1: 95");
  }

  @Test
  void aWildcardFiresPerInstance() {
    List<CompiledRule> rules =
        List.of(
            rule(
                "{\"name\":\"Disk\",\"metric\":\"disk.*.usage_percent\",\"agg\":\"last\","
                    + "\"threshold\":90,\"summary\":\"{{instance}} {{value}}%\"}"));
    snapshot(
        rules,
        Map.of(
            "disk.usage_percent", 99.0,
            "disk.sda1.usage_percent", 95.0,
            "disk.sdb1.usage_percent", 20.0,
            "disk.sdc1.read_bytes_per_sec", 99.0));
    assertThat(book.active())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.key()).isEqualTo(new AlertKey("Disk", "db1", "sda1"));
              assertThat(a.state()).isEqualTo(AlertState.FIRING);
              assertThat(a.summary()).isEqualTo("sda1 95%");
            });
  }

  /** Names a host churns through leave the rule room for the disk that comes next. */
  @Test
  void vanishedQuietInstancesGiveTheirPlaceBack() {
    List<CompiledRule> rules =
        List.of(
            rule(
                "{\"name\":\"Rx\",\"metric\":\"network.*.bytes_recv_per_sec\","
                    + "\"agg\":\"last\",\"threshold\":1000}"));
    for (int i = 0; i < AgentAlerts.MAX_INSTANCES_PER_RULE + 10; i++) {
      snapshot(rules, Map.of("network.veth" + i + ".bytes_recv_per_sec", 1.0));
    }
    snapshot(rules, Map.of("network.eth9.bytes_recv_per_sec", 5000.0));

    assertThat(book.active())
        .singleElement()
        .satisfies(a -> assertThat(a.key().instance()).isEqualTo("eth9"));
  }

  /**
   * The same series again (the plan is kept) keep feeding the same alerts; a series that comes and
   * a rule that changes are taken up (the plan is made again).
   */
  @Test
  void aKeptPlanFollowsValuesAndIsRemadeForNewSeriesOrRules() {
    List<CompiledRule> rules =
        List.of(
            rule(
                "{\"name\":\"Disk\",\"metric\":\"disk.*.usage_percent\",\"agg\":\"last\","
                    + "\"threshold\":90}"));
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("cpu.usage_percent", 10.0);
    values.put("disk.sda1.usage_percent", 50.0);
    snapshot(rules, values);
    values.put("disk.sda1.usage_percent", 95.0);
    snapshot(rules, values);
    assertThat(transitions()).containsExactly("inactive>firing");

    values.put("disk.sdb1.usage_percent", 97.0);
    snapshot(rules, values);
    assertThat(book.active()).extracting(a -> a.key().instance()).contains("sda1", "sdb1");

    List<CompiledRule> raised =
        List.of(
            rule(
                "{\"name\":\"Disk\",\"metric\":\"disk.*.usage_percent\",\"agg\":\"last\","
                    + "\"threshold\":99}"));
    alerts.forget(java.util.Set.of("Disk"));
    book.endAll(key -> key.rule().equals("Disk"), "rule changed");
    snapshot(raised, values);
    assertThat(book.active()).isEmpty();
    values.put("disk.sdb1.usage_percent", 99.5);
    snapshot(raised, values);
    assertThat(book.active())
        .singleElement()
        .satisfies(a -> assertThat(a.key().instance()).isEqualTo("sdb1"));
  }

  @Test
  void averagesOverTheWindow() {
    List<CompiledRule> rules =
        List.of(
            rule(
                "{\"name\":\"Avg\",\"metric\":\"load.load1\",\"agg\":\"avg\",\"over_seconds\":10,"
                    + "\"threshold\":5}"));
    snapshot(rules, Map.of("load.load1", 8.0));
    assertThat(book.active()).hasSize(1);
    snapshot(rules, Map.of("load.load1", 0.0)); // avg 4
    assertThat(book.active()).isEmpty();
  }

  @Test
  void rulesForOtherAgentsAreSkipped() {
    List<CompiledRule> rules =
        List.of(
            rule(
                "{\"name\":\"Web\",\"metric\":\"cpu.usage_percent\",\"threshold\":1,"
                    + "\"agents\":[\"web-*\"]}"));
    snapshot(rules, Map.of("cpu.usage_percent", 50.0));
    assertThat(changes).isEmpty();
  }

  @Test
  void noDataFiresOnceSilentForLongEnoughAndResolvesOnData() {
    List<CompiledRule> rules =
        List.of(rule("{\"name\":\"Down\",\"type\":\"no_data\",\"for_seconds\":60}"));
    alerts.checkNoData(rules, Duration.ofSeconds(59), clock.instant());
    assertThat(changes).isEmpty();
    alerts.checkNoData(rules, Duration.ofSeconds(60), clock.instant());
    assertThat(transitions()).containsExactly("inactive>firing");
    alerts.checkNoData(rules, Duration.ZERO, clock.instant());
    assertThat(transitions()).containsExactly("inactive>firing", "firing>resolved");
  }

  @Test
  void aRestoredFiringAlertIsTakenUpNotFiredAgain() {
    AlertKey key = new AlertKey("HighCpu", "db1", "");
    book.record(
        AlertState.PENDING,
        new Alert(
            key,
            AlertState.FIRING,
            "warning",
            95,
            clock.instant(),
            clock.instant(),
            null,
            "s",
            Map.of()));
    changes.clear();
    List<CompiledRule> rules =
        List.of(rule("{\"name\":\"HighCpu\",\"metric\":\"cpu.usage_percent\",\"threshold\":90}"));
    snapshot(rules, Map.of("cpu.usage_percent", 96.0));
    assertThat(changes).isEmpty();
    snapshot(rules, Map.of("cpu.usage_percent", 10.0));
    assertThat(transitions()).containsExactly("firing>resolved");
  }
}
