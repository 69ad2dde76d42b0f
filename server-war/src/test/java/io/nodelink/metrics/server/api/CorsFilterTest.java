package io.nodelink.metrics.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  @Test
  void anyOriginIsAllowedByDefault() {
    assertThat(CorsFilter.allowedOrigin(List.of("*"), "http://dash.example")).isEqualTo("*");
    assertThat(CorsFilter.allowedOrigin(List.of("*"), null)).isEqualTo("*");
  }

  @Test
  void listedOriginsAreEchoedOthersGetNothing() {
    List<String> allowed = List.of("http://a.example", "http://b.example");

    assertThat(CorsFilter.allowedOrigin(allowed, "http://b.example")).isEqualTo("http://b.example");
    assertThat(CorsFilter.allowedOrigin(allowed, "http://evil.example")).isNull();
    assertThat(CorsFilter.allowedOrigin(allowed, null)).isNull();
  }
}
