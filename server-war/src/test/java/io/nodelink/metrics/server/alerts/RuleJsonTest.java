package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.server.domain.DomainException;
import org.junit.jupiter.api.Test;

class RuleJsonTest {

  private static final String HIGH_CPU =
      "{\"name\":\"HighCpu\",\"metric\":\"cpu.usage_percent\",\"agg\":\"avg\","
          + "\"over_seconds\":60,\"op\":\">\",\"threshold\":90,\"clear_threshold\":80,"
          + "\"for_seconds\":300,\"severity\":\"warning\",\"agents\":[\"*\"],"
          + "\"labels\":{\"team\":\"ops\"},\"summary\":\"CPU {{value}}% on {{agent_id}}\"}";

  @Test
  void readsTheIssuesExampleAndWritesItBack() {
    AlertRule rule = RuleJson.parse(HIGH_CPU, AlertRule.SOURCE_API);
    assertThat(rule.type()).isEqualTo(AlertRule.THRESHOLD);
    assertThat(rule.clearThreshold()).isEqualTo(80.0);
    assertThat(rule.labels()).containsEntry("team", "ops");
    assertThat(RuleJson.parse(RuleJson.write(rule), AlertRule.SOURCE_API)).isEqualTo(rule);
    assertThat(rule.summaryFor("db1", "", 93.25)).isEqualTo("CPU 93.3% on db1");
  }

  @Test
  void defaultsFillWhatIsLeftOut() {
    AlertRule rule =
        RuleJson.parse("{\"name\":\"Down\",\"type\":\"no_data\",\"for_seconds\":30}", "api");
    assertThat(rule.agents()).containsExactly("*");
    assertThat(rule.forSeconds()).isEqualTo(30);
    assertThat(rule.severity()).isEqualTo("warning");
  }

  @Test
  void refusalsNameTheField() {
    assertBad("{\"metric\":\"cpu.usage_percent\",\"threshold\":1}", "name: ");
    assertBad("{\"name\":\"x\",\"metric\":\"cpu\",\"threshold\":1}", "metric: ");
    assertBad("{\"name\":\"x\",\"metric\":\"cpu.usage_percent\"}", "threshold: required");
    assertBad(
        "{\"name\":\"x\",\"metric\":\"cpu.usage_percent\",\"threshold\":\"9\"}",
        "threshold: must be a number");
    assertBad(
        "{\"name\":\"x\",\"metric\":\"cpu.usage_percent\",\"threshold\":9,\"agg\":\"p99\"}",
        "agg: ");
    assertBad(
        "{\"name\":\"x\",\"metric\":\"cpu.usage_percent\",\"threshold\":9,\"for_seconds\":-1}",
        "for_seconds: ");
    assertBad(
        "{\"name\":\"x\",\"metric\":\"cpu.usage_percent\",\"threshold\":90,"
            + "\"clear_threshold\":95}",
        "clear_threshold: ");
    assertBad(
        "{\"name\":\"x\",\"metric\":\"cpu.usage_percent\",\"threshold\":9,\"colour\":\"red\"}",
        "colour: unknown field");
    assertBad("[1]", "body: ");
    assertBad("{", "body: ");
  }

  @Test
  void theDefaultPackIsValid() {
    for (AlertRule rule : DefaultRules.all()) {
      AlertRule again = RuleJson.parse(RuleJson.write(rule), AlertRule.SOURCE_DEFAULT);
      assertThat(again).isEqualTo(rule);
    }
  }

  private static void assertBad(String json, String messageStart) {
    assertThatThrownBy(() -> RuleJson.parse(json, "api"))
        .isInstanceOf(DomainException.class)
        .hasMessageStartingWith(messageStart)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.BAD_REQUEST);
  }
}
