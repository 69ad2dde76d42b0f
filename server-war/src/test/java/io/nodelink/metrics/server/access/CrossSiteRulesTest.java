package io.nodelink.metrics.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossSiteRulesTest {

  @Test
  void jsonBodiesAndBodylessWritesPass() {
    assertThat(CrossSiteRules.acceptableBody("application/json", 12)).isTrue();
    assertThat(CrossSiteRules.acceptableBody("Application/JSON; charset=utf-8", 12)).isTrue();
    assertThat(CrossSiteRules.acceptableBody(null, 0)).isTrue();
    assertThat(CrossSiteRules.acceptableBody(null, -1)).isTrue();
  }

  @Test
  void whatAFormOrAPlainTextPostSendsIsRefused() {
    assertThat(CrossSiteRules.acceptableBody("text/plain", 5)).isFalse();
    assertThat(CrossSiteRules.acceptableBody("text/plain;charset=UTF-8", 0)).isFalse();
    assertThat(CrossSiteRules.acceptableBody("application/x-www-form-urlencoded", 9)).isFalse();
    assertThat(CrossSiteRules.acceptableBody("multipart/form-data; boundary=x", 9)).isFalse();
    assertThat(CrossSiteRules.acceptableBody(null, 4)).as("a body without a type").isFalse();
  }

  @Test
  void noOriginAndTheServersOwnPass() {
    assertThat(CrossSiteRules.acceptableOrigin(null, "http", "h:8080", List.of())).isTrue();
    assertThat(CrossSiteRules.acceptableOrigin("http://h:8080", "http", "h:8080", List.of()))
        .isTrue();
  }

  @Test
  void foreignOriginsPassOnlyWhenAllowed() {
    assertThat(CrossSiteRules.acceptableOrigin("http://evil.example", "http", "h:8080", List.of()))
        .isFalse();
    assertThat(CrossSiteRules.acceptableOrigin("https://h:8080", "http", "h:8080", List.of()))
        .as("another scheme is another origin")
        .isFalse();
    assertThat(CrossSiteRules.acceptableOrigin("null", "http", "null", List.of())).isFalse();
    assertThat(
            CrossSiteRules.acceptableOrigin(
                "http://dash.example", "http", "h:8080", List.of("http://dash.example")))
        .isTrue();
    assertThat(CrossSiteRules.acceptableOrigin("http://any.example", "http", "h", List.of("*")))
        .isTrue();
  }
}
