package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.Api;
import it.support.ApiResponse;
import it.support.Credentials;
import it.support.ItConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Metrics on the admin port requires a login over HTTPS in the shipped server.xml
 * (Liberty's reader role = the viewer group, administrator = the operator group); health stays open
 * on plain HTTP for probes.
 */
class AdminMetricsAccessIT {

  @Test
  void plainHttpIsSentToHttpsWithoutMetrics() {
    ApiResponse response =
        Api.sendAs(Credentials.VIEWER, "GET", ItConfig.admin("/metrics"), null, Map.of());

    assertThat(response.status()).as(response.describe()).isEqualTo(302);
    assertThat(response.header("Location"))
        .get()
        .asString()
        .startsWith("https://")
        .contains(":" + ItConfig.adminHttpsPort() + "/metrics");
    assertThat(response.body()).doesNotContain("# TYPE");
  }

  @Test
  void anonymousScrapeOverHttpsIsRefused() {
    ApiResponse response = Api.anonymous("GET", ItConfig.adminHttps("/metrics"), null, Map.of());

    assertThat(response.status()).as(response.describe()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("# TYPE");
  }

  @Test
  void viewerScrapesOverHttps() {
    ApiResponse response =
        Api.sendAs(
            Credentials.VIEWER,
            "GET",
            ItConfig.adminHttps("/metrics?scope=application"),
            null,
            Map.of());

    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.body()).contains("# TYPE");
  }

  @Test
  void userWithoutARoleIsForbidden() {
    ApiResponse response =
        Api.sendAs(Credentials.NOBODY, "GET", ItConfig.adminHttps("/metrics"), null, Map.of());

    assertThat(response.status()).as(response.describe()).isEqualTo(403);
  }

  @Test
  void healthStaysOpenOnPlainHttp() {
    ApiResponse response = Api.anonymous("GET", ItConfig.admin("/health"), null, Map.of());

    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.json().path("status").asText()).isEqualTo("UP");
  }
}
