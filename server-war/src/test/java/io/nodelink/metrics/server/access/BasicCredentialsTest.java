package io.nodelink.metrics.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsAtTheFirstColonSoPasswordsMayHoldColons() {
    assertThat(BasicCredentials.parse(basic("admin:pa:ss")))
        .contains(new BasicCredentials("admin", "pa:ss"));
  }

  @Test
  void schemeIsCaseInsensitive() {
    assertThat(BasicCredentials.parse(basic("u:p").replace("Basic", "bAsIc"))).isPresent();
  }

  @Test
  void otherSchemesAndMalformedHeadersAreNotCredentials() {
    assertThat(BasicCredentials.parse(null)).isEmpty();
    assertThat(BasicCredentials.parse("Bearer abc.def.ghi")).isEmpty();
    assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
    assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
    assertThat(BasicCredentials.parse(basic(":password-only"))).isEmpty();
  }

  @Test
  void neverShowsThePassword() {
    assertThat(new BasicCredentials("admin", "s3cret").toString()).doesNotContain("s3cret");
  }
}
