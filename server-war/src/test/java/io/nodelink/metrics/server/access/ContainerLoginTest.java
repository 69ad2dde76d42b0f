package io.nodelink.metrics.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerLoginTest {

  @Test
  void bearerSchemeIsRecognisedInAnyCase() {
    assertThat(ContainerLogin.isBearer("Bearer abc.def.ghi")).isTrue();
    assertThat(ContainerLogin.isBearer("bearer abc.def.ghi")).isTrue();
  }

  @Test
  void basicEmptyAndMissingHeadersAreNotBearerTokens() {
    assertThat(ContainerLogin.isBearer(null)).isFalse();
    assertThat(ContainerLogin.isBearer("Bearer ")).isFalse();
    assertThat(ContainerLogin.isBearer("Basic dTpw")).isFalse();
    assertThat(ContainerLogin.isBearer("Bearerabc")).isFalse();
  }
}
