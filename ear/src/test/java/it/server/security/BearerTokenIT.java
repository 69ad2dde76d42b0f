package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.ItConfig;
import it.support.tls.TestJwts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens (MicroProfile JWT) on the build's server: the test makes a key pair, writes the
 * public key where the build told the server to read it (JWT_PUBLIC_KEY_LOCATION), and signs tokens
 * as an identity provider would; the "groups" claim gives the roles.
 */
class BearerTokenIT {

  private static final Path PUBLIC_KEY = Path.of(System.getProperty("it.jwt.public-key"));
  private static final String ISSUER = System.getProperty("it.jwt.issuer");
  private static final String AUDIENCE = System.getProperty("it.jwt.audience");
  private static final List<String> VIEWERS = List.of("nodelink-viewers");
  private static final List<String> OPERATORS = List.of("nodelink-operators");

  private static TestJwts issuer;
  private static TestAgent agent;
  private static String id;

  @BeforeAll
  static void trustTheTestIssuerAndConnectAgent() {
    issuer = TestJwts.generate();
    issuer.writePublicKey(PUBLIC_KEY);
    id = TestAgent.uniqueId("jwt");
    agent = TestAgent.builder(id).systemInfo(Snapshots.systemInfo("host-" + id)).connect();
    Agents.awaitOnline(id);
  }

  @AfterAll
  static void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  private static String valid(List<String> groups) {
    return issuer.sign(ISSUER, AUDIENCE, "svc-" + groups.get(0), groups, inTenMinutes());
  }

  private static Instant inTenMinutes() {
    return Instant.now().plus(Duration.ofMinutes(10));
  }

  private static ApiResponse call(String method, URI uri, String token) {
    return Api.anonymous(method, uri, null, Map.of("Authorization", "Bearer " + token));
  }

  private static URI refresh() {
    return ItConfig.api("/agents/" + id + "/system/refresh");
  }

  @Test
  void viewerTokenReads() {
    ApiResponse read = call("GET", ItConfig.api("/agents/" + id), valid(VIEWERS));

    assertThat(read.status()).as(read.describe()).isEqualTo(200);
  }

  @Test
  void operatorTokenChangesState() {
    ApiResponse change = call("POST", refresh(), valid(OPERATORS));

    assertThat(change.status()).as(change.describe()).isEqualTo(200);
    assertThat(change.json().path("task_id").asText()).isNotBlank();
  }

  @Test
  void viewerTokenMayNotChangeState() {
    ApiResponse change = call("POST", refresh(), valid(VIEWERS));

    assertThat(change.status()).as(change.describe()).isEqualTo(403);
    assertThat(change.contentType()).startsWith("application/json");
  }

  @Test
  void expiredTokenIsRefused() {
    // well past Liberty's default clock skew of 5 minutes
    String expired =
        issuer.sign(
            ISSUER, AUDIENCE, "svc", OPERATORS, Instant.now().minus(Duration.ofMinutes(30)));

    assertRefused(call("GET", ItConfig.api("/metrics/agents"), expired));
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    String foreign =
        issuer.sign("https://issuer.example.test", AUDIENCE, "svc", OPERATORS, inTenMinutes());

    assertRefused(call("GET", ItConfig.api("/metrics/agents"), foreign));
  }

  @Test
  void tokenSignedByAnotherKeyIsRefused() {
    String forged = TestJwts.generate().sign(ISSUER, AUDIENCE, "svc", OPERATORS, inTenMinutes());

    assertRefused(call("GET", ItConfig.api("/metrics/agents"), forged));
    assertRefused(call("POST", refresh(), forged));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    String elsewhere = issuer.sign(ISSUER, "another-service", "svc", OPERATORS, inTenMinutes());

    assertRefused(call("GET", ItConfig.api("/metrics/agents"), elsewhere));
  }

  private static void assertRefused(ApiResponse response) {
    assertThat(response.status()).as(response.describe()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.header("WWW-Authenticate")).get().asString().startsWith("Bearer");
  }
}
