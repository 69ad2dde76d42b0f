package it.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MicroProfile Health on the admin port of the running server: every probe UP, with the
 * application's own checks in it. (DOWN is proven in-server by {@code ReadinessDownIT}.)
 */
class HealthIT {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/health/live", "/health/ready", "/health/started", "/health"})
  void probesAreUp(String path) {
    ApiResponse response = Api.admin(path);

    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    JsonNode health = response.json();
    assertThat(health.path("status").asText()).as(response.describe()).isEqualTo("UP");
    assertThat(health.path("checks").isArray()).as(response.describe()).isTrue();
  }

  @Test
  void readinessHasTheApplicationsGrpcCheck() {
    JsonNode ready = Api.admin("/health/ready").json();

    List<String> names = new ArrayList<>();
    ready.path("checks").forEach(check -> names.add(check.path("name").asText()));
    assertThat(names)
        .as("readiness checks %s include one for the gRPC server", ready)
        .anySatisfy(name -> assertThat(name.toLowerCase()).contains("grpc"));
    ready
        .path("checks")
        .forEach(
            check -> assertThat(check.path("status").asText()).as("%s", check).isEqualTo("UP"));
  }

  @Test
  void livenessAndStartupHaveApplicationChecks() {
    assertThat(Api.admin("/health/live").json().path("checks").size())
        .as("liveness has the application's check")
        .isPositive();
    assertThat(Api.admin("/health/started").json().path("checks").size())
        .as("startup has the application's check")
        .isPositive();
  }

  @Test
  void theDatabasesReportTheirStateInLiveness() {
    JsonNode live = Api.admin("/health/live").json();
    List<String> states = new ArrayList<>();
    live.path("checks")
        .forEach(
            check -> {
              String name = check.path("name").asText();
              if (name.equals("history-store") || name.equals("state-store")) {
                assertThat(check.path("status").asText()).as("%s", check).isEqualTo("UP");
                states.add(name + "=" + check.path("data").path("state").asText());
              }
            });
    assertThat(states).containsExactlyInAnyOrder("history-store=ok", "state-store=ok");
  }

  @Test
  void healthIsNotOnTheApiPort() {
    for (String path : List.of("/health", "/health/ready", "/health/live")) {
      ApiResponse response = Api.get(path);
      Contract.assertError(response, 404);
    }
  }
}
