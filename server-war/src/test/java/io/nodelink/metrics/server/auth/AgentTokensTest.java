package io.nodelink.metrics.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTokensTest {

  @Test
  void agentWithItsOwnTokenIsAcceptedOnlyWithThatToken() {
    AgentTokens tokens = AgentTokens.parse("agent1:token1,agent2:token2,*:shared", List.of());

    assertThat(tokens.accepts("agent1", "token1")).isTrue();
    assertThat(tokens.accepts("agent1", "token2")).isFalse();
    // An agent with its own token does not fall back to the shared one.
    assertThat(tokens.accepts("agent1", "shared")).isFalse();
  }

  @Test
  void wildcardAcceptsAnyOtherAgentIdWithTheSharedToken() {
    AgentTokens tokens = AgentTokens.parse("agent1:token1,*:shared", List.of());

    assertThat(tokens.accepts("sim-17", "shared")).isTrue();
    assertThat(tokens.accepts("sim-17", "token1")).isFalse();
  }

  @Test
  void fileLinesWithCommentsAndBlanksAreRead() {
    AgentTokens tokens =
        AgentTokens.parse(
            "", List.of("# agents of rack 4", "", "  web1 : s3cret  # primary", "db1:pw"));

    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.accepts("web1", "s3cret")).isTrue();
    assertThat(tokens.accepts("db1", "pw")).isTrue();
  }

  @Test
  void noConfigurationAcceptsNobody() {
    AgentTokens tokens = AgentTokens.parse(null, List.of());

    assertThat(tokens.isEmpty()).isTrue();
    assertThat(tokens.accepts("agent1", "")).isFalse();
    assertThat(tokens.accepts("", "x")).isFalse();
  }

  @Test
  void malformedEntryIsRejectedWithoutEchoingTheToken() {
    assertThatThrownBy(() -> AgentTokens.parse("agent1:ok,brokenTOKENVALUE", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2")
        .hasMessageNotContaining("TOKENVALUE");
    assertThatThrownBy(() -> AgentTokens.parse("agent1:", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agentIdsMustBeBoundedAndPrintable() {
    assertThat(AgentIdentity.isWellFormed("agent-1.example.com")).isTrue();
    assertThat(AgentIdentity.isWellFormed(" ")).isFalse();
    assertThat(AgentIdentity.isWellFormed("a\nb")).isFalse();
    assertThat(AgentIdentity.isWellFormed("x".repeat(129))).isFalse();
    assertThat(AgentIdentity.isWellFormed("x".repeat(128))).isTrue();
    assertThat(AgentIdentity.isWellFormed("sim-12_A")).isTrue();
    assertThat(AgentIdentity.isWellFormed("a/b")).isFalse();
    assertThat(AgentIdentity.isWellFormed("a b")).isFalse();
    assertThat(AgentIdentity.isWellFormed("agent%41")).isFalse();
    assertThat(AgentIdentity.isWellFormed("h\u00f4te")).isFalse();
    assertThat(AgentIdentity.isWellFormed("")).isFalse();
    assertThat(AgentIdentity.isWellFormed(null)).isFalse();
  }
}
