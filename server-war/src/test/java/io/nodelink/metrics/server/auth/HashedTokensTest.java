package io.nodelink.metrics.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class HashedTokensTest {

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  private static String pbkdf2(String token, byte[] salt, int iterations) throws Exception {
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(token.toCharArray(), salt, iterations, 256))
            .getEncoded();
    return "pbkdf2:"
        + iterations
        + ":"
        + HexFormat.of().formatHex(salt)
        + ":"
        + HexFormat.of().formatHex(hash);
  }

  @Test
  void sha256EntryAcceptsTheTokenWhoseHashItHolds() throws Exception {
    AgentTokens tokens =
        AgentTokens.parse(null, List.of("agent1:sha256:" + sha256("s3cret-token")));

    assertThat(tokens.accepts("agent1", "s3cret-token")).isTrue();
    assertThat(tokens.accepts("agent1", "other")).isFalse();
    assertThat(tokens.accepts("agent1", "sha256:" + sha256("s3cret-token")))
        .as("the hash itself is not a token")
        .isFalse();
  }

  @Test
  void pbkdf2EntryAcceptsItsTokenAndTheSchemeIsCaseInsensitive() throws Exception {
    String entry = pbkdf2("agent-two-token", "0123456789abcdef".getBytes(), 1000);
    AgentTokens tokens =
        AgentTokens.parse("agent2:PBKDF2:" + entry.substring("pbkdf2:".length()), List.of());

    assertThat(tokens.accepts("agent2", "agent-two-token")).isTrue();
    assertThat(tokens.accepts("agent2", "agent-two-tokeN")).isFalse();
  }

  @Test
  void hashedWildcardEntriesWork() throws Exception {
    AgentTokens tokens = AgentTokens.parse("*:sha256:" + sha256("fleet"), List.of());
    assertThat(tokens.accepts("any-agent", "fleet")).isTrue();
  }

  @Test
  void malformedHashesAreRefusedNamingTheEntryNotItsValue() {
    assertThatThrownBy(() -> AgentTokens.parse(null, List.of("a:sha256:abcd")))
        .hasMessageContaining("line 1")
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> AgentTokens.parse(null, List.of("a:sha256:zz" + "0".repeat(62))))
        .hasMessageContaining("not hexadecimal")
        .hasMessageNotContaining("zz");
    assertThatThrownBy(() -> AgentTokens.parse("a:pbkdf2:10:00", List.of()))
        .hasMessageContaining("pbkdf2:<iterations>");
  }
}
