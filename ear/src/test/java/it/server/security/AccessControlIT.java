package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Credentials;
import it.support.ItConfig;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Roles on the build's server, which requires login ({@code nodelink.http.anonymous-role} none):
 * the test users of {@code test-users.xml} against the real Liberty registry.
 */
class AccessControlIT {

  private static TestAgent agent;
  private static String id;

  @BeforeAll
  static void connectAgent() {
    id = TestAgent.uniqueId("access");
    agent = TestAgent.builder(id).systemInfo(Snapshots.systemInfo("host-" + id)).connect();
    Agents.awaitOnline(id);
  }

  @AfterAll
  static void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  private static URI refresh() {
    return ItConfig.api("/agents/" + id + "/system/refresh");
  }

  @Test
  void anonymousReadIsRefusedWith401AndABasicChallenge() {
    ApiResponse response = Api.anonymous("GET", ItConfig.api("/metrics/agents"), null, Map.of());

    assertThat(response.status()).as(response.describe()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().path("error").asText()).isNotBlank();
    assertThat(response.header("WWW-Authenticate")).get().asString().startsWith("Basic");
  }

  @Test
  void anonymousChangeAndSseAreRefusedWith401() {
    assertThat(Api.anonymous("POST", refresh(), null, Map.of()).status()).isEqualTo(401);
    ApiResponse stream =
        Api.anonymous(
            "GET",
            ItConfig.api("/agents/" + id + "/metrics/stream"),
            null,
            Map.of("Accept", "text/event-stream"));
    assertThat(stream.status()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIsRefusedWith401() {
    ApiResponse response =
        Api.sendAs(
            new Credentials("it-operator", "wrong"),
            "GET",
            ItConfig.api("/metrics/agents"),
            null,
            Map.of());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("error").asText()).isEqualTo("invalid credentials");
  }

  @Test
  void viewerReadsButItsPostIsForbidden() {
    ApiResponse read =
        Api.sendAs(Credentials.VIEWER, "GET", ItConfig.api("/agents/" + id), null, Map.of());
    assertThat(read.status()).as(read.describe()).isEqualTo(200);

    ApiResponse change = Api.sendAs(Credentials.VIEWER, "POST", refresh(), null, Map.of());
    assertThat(change.status()).as(change.describe()).isEqualTo(403);
    assertThat(change.contentType()).startsWith("application/json");
    assertThat(change.json().path("error").asText()).contains("operator");
  }

  @Test
  void userWithoutARoleIsForbiddenEvenToRead() {
    ApiResponse read =
        Api.sendAs(Credentials.NOBODY, "GET", ItConfig.api("/metrics/agents"), null, Map.of());
    assertThat(read.status()).as(read.describe()).isEqualTo(403);
  }

  @Test
  void operatorPostIsAccepted() {
    ApiResponse change = Api.sendAs(Credentials.OPERATOR, "POST", refresh(), null, Map.of());
    assertThat(change.status()).as(change.describe()).isEqualTo(200);
    assertThat(change.json().path("task_id").asText()).isNotBlank();
  }

  @Test
  void signedOutBrowserIsSentToTheLoginPage() {
    ApiResponse page = Api.anonymous("GET", ItConfig.api("/"), null, Map.of());
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).get().asString().endsWith("/login");

    ApiResponse login = Api.anonymous("GET", ItConfig.api("/login"), null, Map.of());
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).get().asString().endsWith("/login.html");
  }

  @Test
  void formLoginGivesACookieThatCarriesTheViewerRole() {
    String cookie = FormLogin.signIn(Credentials.VIEWER);

    ApiResponse read =
        Api.anonymous("GET", ItConfig.api("/metrics/agents"), null, Map.of("Cookie", cookie));
    assertThat(read.status()).as(read.describe()).isEqualTo(200);
    ApiResponse change =
        Api.anonymous(
            "POST", refresh(), "{}", Map.of("Cookie", cookie, "Content-Type", "application/json"));
    assertThat(change.status()).as(change.describe()).isEqualTo(403);
  }

  @Test
  void formLoginWithAWrongPasswordGoesBackToTheLoginPage() {
    ApiResponse failed = FormLogin.post(new Credentials("it-viewer", "wrong"));
    assertThat(failed.status()).isEqualTo(302);
    assertThat(failed.header("Location")).get().asString().contains("/login.html?failed");
    assertThat(failed.header("Set-Cookie").orElse("")).doesNotContain("LtpaToken2=");
  }
}
