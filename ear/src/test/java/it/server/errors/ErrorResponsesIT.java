package it.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import it.support.ItConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error is {@code {"error": ...}} JSON with the right status: never an HTML page, never a
 * stack trace, never a 500 for bad input.
 */
class ErrorResponsesIT {

  private static TestAgent agent;
  private static String id;

  @BeforeAll
  static void connectAgent() {
    id = TestAgent.uniqueId("errors");
    agent = TestAgent.builder(id).answerSystemInfo(false).autoData(false).connect();
    Agents.awaitOnline(id);
  }

  @AfterAll
  static void closeAgent() {
    agent.close();
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(
      strings = {
        "/no/such/endpoint",
        "/api/v2/agents",
        "/metrics/agents/extra",
        "/agents/{id}/bogus",
        "/agents/{id}/metrics/nope",
        "/agents/{id}/system/refresh/again"
      })
  void unknownPathIs404Json(String path) {
    Contract.assertError(Api.get(path.replace("{id}", id)), 404);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "DELETE, /metrics/agents",
    "POST, /metrics/agents",
    "GET, /agents/{id}/metrics/start",
    "GET, /agents/{id}/metrics/stop",
    "GET, /agents/{id}/system/refresh",
    "POST, /agents/{id}/system",
    "PUT, /tasks/some-task",
    "POST, /agents/{id}/metrics/history",
    "DELETE, /agents/{id}/metrics"
  })
  void wrongMethodIs405Json(String method, String path) {
    ApiResponse response =
        Api.send(
            method,
            ItConfig.api(path.replace("{id}", id)),
            method.equals("GET") ? null : "{}",
            method.equals("GET") ? Map.of() : Map.of("Content-Type", "application/json"));

    Contract.assertError(response, 405);
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(
      strings = {
        "/agents/..%5C..%5Cwindows/system",
        "/agents/%3Cscript%3E/metrics",
        "/agents/%20/system"
      })
  void hostilePathsAreClientErrorsInJson(String path) {
    ApiResponse response = Api.get(path);

    assertThat(response.status()).as(response.describe()).isIn(400, 404);
    Contract.assertError(response, response.status());
    assertThat(response.body()).as(response.describe()).doesNotContain("root:", "<script>");
  }

  /**
   * An encoded {@code /}, {@code .} or backslash that keeps the decoded path inside the server
   * reaches the application, where the web container refuses it (CWWWC0005I) and the application's
   * error page answers in JSON.
   */
  @ParameterizedTest(name = "GET {0}")
  @ValueSource(
      strings = {
        "/agents/a%2Fb/metrics",
        "/agents/..%2Fetc/system",
        "/agents/x/..%2F..%2Fsystem",
        "/agents/%2e%2e/system",
        "/tasks/abc%2Fdef",
        "/tasks/..%5Cetc"
      })
  void encodedSeparatorsInsideTheServerAreJson(String path) {
    Contract.assertError(Api.get(path), 400);
  }

  /**
   * Open, and out of the application's reach: a path that, once decoded, climbs above the root
   * ({@code ..%2F..%2F}, {@code %2e%2e/%2e%2e}), holds a control character ({@code %00}) or cannot
   * be decoded ({@code %zz}) is refused while Liberty 26.0.0.3 canonicalizes the URI, before it
   * picks a web application (its trace shows {@code RequestUtils.canonicalizeURI} failing with
   * {@code webapp -> null}). No filter, JAX-RS mapper or web.xml error page of the application
   * runs, so the answer is Liberty's own HTML 400 page; {@code <webContainer
   * skipEncodedCharVerification="true"/>} does not touch this step. The status is right and nothing
   * leaks; only a proxy in front of the server could rewrite the body. Kept here, disabled, so a
   * fix (in Liberty or a proxy) has its test waiting.
   */
  @Disabled(
      "open: Liberty 26.0.0.3 refuses a path that decodes above the root, or holds %00 or a bad"
          + " escape, while canonicalizing the URI, before any application code; its HTML 400")
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/agents/..%2F..%2Fetc/system",
        "/agents/..%2F..%2F..%2Fetc%2Fpasswd/metrics",
        "/agents/%2e%2e/%2e%2e/etc/system",
        "/agents/a%00b/metrics",
        "/agents/%zz/metrics",
        "/tasks/..%2F..%2Fetc%2Fpasswd"
      })
  void containerRejectedPathsAreJsonToo(String path) {
    ApiResponse response = RawHttp.get(path);

    assertThat(response.status()).as(response.describe()).isIn(400, 404);
    Contract.assertError(response, response.status());
  }

  /** A query string with broken percent-encoding is the client's mistake, named in a 400. */
  @ParameterizedTest(name = "GET {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/agents/{id}/metrics/history?max_points=%%|'max_points'",
        "/agents/{id}/metrics/history?end=%|'end'",
        "/agents/{id}/metrics/history?start=1&metrics=%E0%A4%A|'metrics'",
        "/agents/{id}/metrics/history?interval=%zz|'interval'",
        "/agents/{id}/metrics/stream?interval=%|'interval'",
        "/agents/{id}/metrics/history?%=1|query string",
        "/metrics/agents?x=%|'x'",
        "/tasks/some-task?%%|query string"
      })
  void malformedQueryEncodingIs400NamingTheParameter(String target, String named) {
    ApiResponse response = RawHttp.get(target.replace("{id}", id));

    Contract.assertError(response, 400, named);
    assertThat(agent.received(TaskRequests::isStart)).as("no START reached the agent").isEmpty();
  }

  @Test
  void veryLongAgentIdIsAClientError() {
    ApiResponse response = Api.get("/agents/" + "x".repeat(5000) + "/metrics");

    assertThat(response.status()).as(response.describe()).isIn(400, 404, 414);
    if (response.status() != 414) {
      Contract.assertError(response, response.status());
    }
  }

  @Test
  void errorsStayJsonWhenABrowserAsks() {
    ApiResponse response =
        Api.send(
            "GET",
            ItConfig.api("/agents/" + TestAgent.uniqueId("nobody") + "/metrics"),
            null,
            Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));

    Contract.assertError(response, 404, "agent not found");
  }

  @Test
  void unsupportedContentTypeIsAClientErrorInJson() {
    ApiResponse response =
        Api.send(
            "POST",
            ItConfig.api("/agents/" + id + "/metrics/start"),
            "interval=5",
            Map.of("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(response.status()).as(response.describe()).isIn(400, 415);
    Contract.assertError(response, response.status());
    assertThat(agent.received(TaskRequests::isStart)).as("no START reached the agent").isEmpty();
  }

  @Test
  void unknownAgentIs404OnEveryPerAgentEndpoint() {
    String nobody = TestAgent.uniqueId("nobody");
    for (String path :
        new String[] {
          "/agents/%s/system",
          "/agents/%s/metrics",
          "/agents/%s/metrics/history",
          "/agents/%s/metrics/stream",
          "/agents/%s/tasks"
        }) {
      Contract.assertError(Api.get(String.format(path, nobody)), 404);
    }
    for (String path :
        new String[] {
          "/agents/%s/system/refresh", "/agents/%s/metrics/start", "/agents/%s/metrics/stop"
        }) {
      Contract.assertError(Api.post(String.format(path, nobody), "{}"), 404);
    }
  }
}
