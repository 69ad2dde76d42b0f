package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Credentials;
import it.support.ItConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What another web page could make a signed-in browser send is refused: bodies a form or {@code
 * text/plain} can carry (415), a foreign {@code Origin} (403), and a host name the server is not
 * known by (DNS rebinding, 404). The build's server allows one foreign origin, {@code
 * http://dashboard.example.test} (ear/pom.xml).
 */
class CrossSiteIT {

  private static final String ALLOWED_ORIGIN = "http://dashboard.example.test";

  private static TestAgent agent;
  private static String id;

  @BeforeAll
  static void connectAgent() {
    id = TestAgent.uniqueId("cross-site");
    agent = TestAgent.builder(id).connect();
    Agents.awaitOnline(id);
  }

  @AfterAll
  static void closeAgent() {
    if (agent != null) {
      Api.post("/agents/" + id + "/metrics/stop", null);
      agent.close();
    }
  }

  private static URI start() {
    return ItConfig.api("/agents/" + id + "/metrics/start");
  }

  @Test
  void plainTextPostIsRefusedWith415() {
    ApiResponse response =
        Api.send(
            "POST", start(), "{\"interval_seconds\": 5}", Map.of("Content-Type", "text/plain"));

    assertThat(response.status()).as(response.describe()).isEqualTo(415);
    assertThat(response.json().path("error").asText()).contains("application/json");
    assertThat(agent.received(TaskRequests::isStart)).as("no START reached the agent").isEmpty();
  }

  @Test
  void formPostIsRefusedWith415() {
    ApiResponse response =
        Api.send(
            "POST",
            ItConfig.api("/agents/" + id + "/system/refresh"),
            "a=b",
            Map.of("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(response.status()).as(response.describe()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/json");
  }

  @Test
  void foreignOriginIsRefusedWith403EvenForAnOperator() {
    ApiResponse response =
        Api.send(
            "POST",
            ItConfig.api("/agents/" + id + "/system/refresh"),
            null,
            Map.of("Origin", "http://evil.example"));

    assertThat(response.status()).as(response.describe()).isEqualTo(403);
    assertThat(response.json().path("error").asText()).isEqualTo("origin not allowed");
  }

  @Test
  void ownAndAllowedOriginsPassAndOnlyAListedOriginMaySendCredentials() {
    ApiResponse own =
        Api.send(
            "POST",
            ItConfig.api("/agents/" + id + "/system/refresh"),
            null,
            Map.of("Origin", "http://127.0.0.1:" + ItConfig.httpPort()));
    assertThat(own.status()).as(own.describe()).isEqualTo(200);

    ApiResponse allowed =
        Api.sendAs(
            Credentials.OPERATOR,
            "POST",
            ItConfig.api("/agents/" + id + "/system/refresh"),
            null,
            Map.of("Origin", ALLOWED_ORIGIN));
    assertThat(allowed.status()).as(allowed.describe()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
    assertThat(allowed.header("Access-Control-Allow-Credentials")).contains("true");

    ApiResponse foreignRead =
        Api.send(
            "GET", ItConfig.api("/metrics/agents"), null, Map.of("Origin", "http://evil.example"));
    assertThat(foreignRead.header("Access-Control-Allow-Origin"))
        .as("same-origin by default: no CORS grant to an unlisted origin")
        .isEmpty();
  }

  @Test
  void unknownHostNameFindsNoApplication() throws IOException {
    assertThat(statusFor("127.0.0.1:" + ItConfig.httpPort())).isEqualTo(200);
    assertThat(statusFor("localhost:" + ItConfig.httpPort())).isEqualTo(200);
    assertThat(statusFor("rebound.attacker.example:" + ItConfig.httpPort())).isEqualTo(404);
  }

  /** The status of GET /metrics/agents with this Host header (Java's HTTP client cannot set it). */
  private static int statusFor(String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", ItConfig.httpPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      String request =
          "GET /metrics/agents HTTP/1.1\r\nHost: "
              + host
              + "\r\nAuthorization: "
              + Credentials.OPERATOR.basicHeader()
              + "\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
