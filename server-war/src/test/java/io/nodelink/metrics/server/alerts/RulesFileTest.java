package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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

  @Test
  void readsYamlIntoTheSameRulesAsJson() {
    String yaml =
        """
        rules:
          - name: HighCpu
            metric: cpu.usage_percent
            agg: avg
            over_seconds: 60
            op: ">"
            threshold: 90
            clear_threshold: 80.5
            for_seconds: 300
            severity: warning
            agents: ["web-*", db1]
            labels: {team: ops}
            summary: "CPU {{value}}% on {{agent_id}}"
          - name: Down
            type: no_data
            for_seconds: 60
        """;
    String json =
        "[{\"name\":\"HighCpu\",\"metric\":\"cpu.usage_percent\",\"agg\":\"avg\","
            + "\"over_seconds\":60,\"op\":\">\",\"threshold\":90,\"clear_threshold\":80.5,"
            + "\"for_seconds\":300,\"severity\":\"warning\",\"agents\":[\"web-*\",\"db1\"],"
            + "\"labels\":{\"team\":\"ops\"},\"summary\":\"CPU {{value}}% on {{agent_id}}\"},"
            + "{\"name\":\"Down\",\"type\":\"no_data\",\"for_seconds\":60}]";
    assertThat(RulesFile.parseYaml(yaml)).isEqualTo(RulesFile.parse(json));
  }

  @Test
  void badYamlIsRefusedWithTheRuleAndFieldOrTheSyntaxError() {
    assertThatThrownBy(() -> RulesFile.parseYaml("- name: A\n  metric: cpu.usage_percent\n"))
        .hasMessage("rule 0: threshold: required");
    assertThatThrownBy(() -> RulesFile.parseYaml("- name: [unclosed\n"))
        .hasMessageStartingWith("not valid YAML");
    assertThatThrownBy(() -> RulesFile.parseYaml("- {name: A, name: B}"))
        .hasMessageStartingWith("not valid YAML");
    assertThatThrownBy(() -> RulesFile.parseYaml("- !!java.io.File [/etc]"))
        .hasMessageStartingWith("not valid YAML");
    assertThatThrownBy(
            () -> RulesFile.parseYaml("- name: A\n  metric: cpu.usage_percent\n  threshold: .nan"))
        .hasMessage("[0].threshold: must be a finite number");
  }

  @Test
  void theFileNameSaysYaml() {
    assertThat(RulesFile.isYaml(Path.of("/etc/nodelink/rules.yaml"))).isTrue();
    assertThat(RulesFile.isYaml(Path.of("rules.YML"))).isTrue();
    assertThat(RulesFile.isYaml(Path.of("rules.json"))).isFalse();
  }
}
