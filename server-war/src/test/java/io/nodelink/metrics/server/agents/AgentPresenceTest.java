package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which server reports on an agent: its own server, or for an agent connected nowhere, one. */
class AgentPresenceTest {

  private static final Instant T0 = Instant.parse("2026-12-02T05:00:00Z");

  @Test
  void aServerAloneReportsOnEveryAgent() {
    assertThat(AgentPresence.ALONE.reportsOn(offline("a1"))).isTrue();
    assertThat(AgentPresence.ALONE.reportsOn(connected("a2"))).isTrue();
  }

  @Test
  void inAClusterEachAgentIsReportedByOneServer() {
    AgentPresence speaker = cluster(Set.of("on-b"), true);
    AgentPresence other = cluster(Set.of("on-b"), false);

    assertThat(speaker.reportsOn(connected("here"))).isTrue();
    assertThat(other.reportsOn(connected("here"))).isTrue();
    assertThat(speaker.reportsOn(offline("on-b"))).as("connected to b").isFalse();
    assertThat(speaker.reportsOn(offline("nowhere"))).isTrue();
    assertThat(other.reportsOn(offline("nowhere"))).isFalse();
  }

  private static AgentPresence cluster(Set<String> elsewhere, boolean speaks) {
    return new AgentPresence() {
      @Override
      public boolean shared() {
        return true;
      }

      @Override
      public boolean connectedElsewhere(String agentId) {
        return elsewhere.contains(agentId);
      }

      @Override
      public boolean speaksForOfflineAgents() {
        return speaks;
      }
    };
  }

  private static AgentState connected(String id) {
    return new AgentState(id, true, T0, T0, T0, null);
  }

  private static AgentState offline(String id) {
    return new AgentState(id, false, T0, T0, T0, T0.plusSeconds(60));
  }
}
