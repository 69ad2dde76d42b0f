package io.nodelink.metrics.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorActionTest {

  @Test
  void theContractsWritesAreNamedWithTheirTarget() {
    assertThat(OperatorAction.of("POST", "/agents/a1/metrics/start"))
        .isEqualTo(new OperatorAction("metrics/start", "a1"));
    assertThat(OperatorAction.of("POST", "/agents/a1/metrics/stop"))
        .isEqualTo(new OperatorAction("metrics/stop", "a1"));
    assertThat(OperatorAction.of("POST", "/agents/a%20b/system/refresh"))
        .isEqualTo(new OperatorAction("system/refresh", "a b"));
    assertThat(OperatorAction.of("DELETE", "/tasks/t-9"))
        .isEqualTo(new OperatorAction("task/cancel", "t-9"));
  }

  @Test
  void anythingElseIsOther() {
    assertThat(OperatorAction.of("PUT", "/agents/a1/metrics/start").action()).isEqualTo("other");
    assertThat(OperatorAction.of("POST", "/metrics/agents"))
        .isEqualTo(new OperatorAction("other", "-"));
  }

  @Test
  void outcomesFollowTheStatusClass() {
    assertThat(OperatorAction.outcome(200)).isEqualTo("done");
    assertThat(OperatorAction.outcome(403)).isEqualTo("refused");
    assertThat(OperatorAction.outcome(503)).isEqualTo("failed");
  }
}
