package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RulesFileTest {

  @Test
  void readsAnArrayOrARulesObjectAsFileRules() {
    String rule = "{\"name\":\"A\",\"metric\":\"cpu.usage_percent\",\"threshold\":1}";
    assertThat(RulesFile.parse("[" + rule + "]"))
        .singleElement()
        .satisfies(r -> assertThat(r.readOnly()).isTrue());
    assertThat(RulesFile.parse("{\"rules\":[" + rule + "]}")).hasSize(1);
  }

  @Test
  void oneBadRuleRefusesTheFileNamingIt() {
    assertThatThrownBy(
            () ->
                RulesFile.parse(
                    "[{\"name\":\"A\",\"metric\":\"cpu.usage_percent\",\"threshold\":1},"
                        + "{\"name\":\"B\",\"metric\":\"cpu.usage_percent\"}]"))
        .hasMessage("rule 1: threshold: required");
    assertThatThrownBy(() -> RulesFile.parse("name: A")).hasMessageStartingWith("not valid JSON");
  }
}
