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
   * Open bug: Liberty's web container answers an encoded '/', '.' or NUL in the path with its own
   * HTML 400 (CWWWC0005I) before any filter or error page of the application runs; neither {@code
   * <webContainer skipEncodedCharVerification="true"/>} nor the web.xml error page changed that on
   * 26.0.0.3. The status is right and nothing leaks; the body is not JSON. Kept here, disabled, so
   * the fix has its test waiting.
   */
  @Disabled("open: Liberty answers encoded '/', '.' and NUL with its own HTML page (CWWWC0005I)")
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/agents/..%2F..%2Fetc/system",
        "/agents/..%2F..%2F..%2Fetc%2Fpasswd/metrics",
        "/agents/%2e%2e/%2e%2e/etc/system",
        "/agents/a%00b/metrics",
        "/tasks/..%2F..%2Fetc%2Fpasswd"
      })
  void containerRejectedPathsAreJsonToo(String path) {
    ApiResponse response = Api.get(path);

    assertThat(response.status()).as(response.describe()).isIn(400, 404);
    Contract.assertError(response, response.status());
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
