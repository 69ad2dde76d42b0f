package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static AlertRule rule(String op, Double clear) {
    return RuleJson.parse(
        "{\"name\":\"R\",\"metric\":\"cpu.usage_percent\",\"op\":\""
            + op
            + "\",\"threshold\":50"
            + (clear == null ? "" : ",\"clear_threshold\":" + clear)
            + "}",
        AlertRule.SOURCE_API);
  }

  @Test
  void everyOperatorComparesWithTheThreshold() {
    assertThat(Conditions.breached(rule(">", null), 50)).isFalse();
    assertThat(Conditions.breached(rule(">", null), 50.1)).isTrue();
    assertThat(Conditions.breached(rule(">=", null), 50)).isTrue();
    assertThat(Conditions.breached(rule(">=", null), 49.9)).isFalse();
    assertThat(Conditions.breached(rule("<", null), 50)).isFalse();
    assertThat(Conditions.breached(rule("<", null), 49.9)).isTrue();
    assertThat(Conditions.breached(rule("<=", null), 50)).isTrue();
    assertThat(Conditions.breached(rule("<=", null), 50.1)).isFalse();
    assertThat(Conditions.breached(rule(">", null), Double.NaN)).isFalse();
  }

  @Test
  void clearingUsesTheClearThresholdOnTheOtherSide() {
    assertThat(Conditions.cleared(rule(">", 40.0), 45)).isFalse();
    assertThat(Conditions.cleared(rule(">", 40.0), 39)).isTrue();
    assertThat(Conditions.cleared(rule("<", 60.0), 55)).isFalse();
    assertThat(Conditions.cleared(rule("<", 60.0), 61)).isTrue();
    assertThat(Conditions.cleared(rule(">=", null), 49)).isTrue();
    assertThat(Conditions.cleared(rule(">=", null), Double.NaN)).isFalse();
  }
}
