package it.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.Api;
import it.support.ApiResponse;
import it.support.ItConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI document on the admin port describes the API and only the API: a real {@code info},
 * every endpoint with its parameters and error responses, and none of the dashboard's paths.
 */
class OpenApiIT {

  private static JsonNode document;

  @BeforeAll
  static void fetchDocument() {
    ApiResponse response =
        Api.send("GET", ItConfig.admin("/openapi"), null, Map.of("Accept", "application/json"));
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    document = response.json();
  }

  @Test
  void infoNamesTheApi() {
    JsonNode info = document.path("info");

    assertThat(info.path("title").asText()).isNotBlank().isNotEqualTo("Generated API");
    assertThat(info.path("version").asText()).isNotBlank();
    assertThat(info.path("description").asText()).contains("{\"error\": \"...\"}");
    assertThat(info.path("contact").path("name").asText()).isNotBlank();
    assertThat(info.path("license").path("identifier").asText()).isEqualTo("Apache-2.0");
  }

  @Test
  void serversPointAtTheApiPortNotTheAdminPort() {
    JsonNode server = document.path("servers").path(0);

    assertThat(server.path("url").asText())
        .as("%s", server)
        .isNotBlank()
        .doesNotContain(":" + ItConfig.adminPort());
    assertThat(server.path("variables").path("port").path("default").asText()).isEqualTo("8080");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "get, /metrics/agents",
    "get, /metrics/prometheus",
    "get, /agents/{id}",
    "post, /agents/{id}/system/refresh",
    "get, /agents/{id}/system",
    "post, /agents/{id}/metrics/start",
    "post, /agents/{id}/metrics/stop",
    "get, /agents/{id}/metrics",
    "get, /agents/{id}/metrics/stream",
    "get, /agents/{id}/metrics/history",
    "get, /agents/{id}/metrics/series",
    "get, /agents/{id}/tasks",
    "get, /tasks/{taskId}",
    "delete, /tasks/{taskId}",
    "get, /alerts",
    "get, /alerts/history",
    "get, /alerts/stream",
    "get, /alerts/rules",
    "get, /alerts/rules/{name}",
    "put, /alerts/rules/{name}",
    "delete, /alerts/rules/{name}",
    "get, /alerts/silences",
    "delete, /alerts/silences/{id}"
  })
  void everyEndpointIsDescribed(String method, String path) {
    JsonNode operation = document.path("paths").path(path).path(method);

    assertThat(operation.isObject()).as("%s %s in %s", method, path, pathNames()).isTrue();
    assertThat(operation.path("summary").asText()).as("%s %s summary", method, path).isNotBlank();
    assertThat(operation.path("responses").has("200"))
        .as("%s %s answers 200", method, path)
        .isTrue();
  }

  @Test
  void historyAndStreamParametersAreDescribed() {
    assertThat(parameterNames("/agents/{id}/metrics/history", "get"))
        .contains("id", "metrics", "start", "end", "interval", "max_points", "agg");
    assertThat(parameterNames("/agents/{id}/metrics/stream", "get")).contains("id", "interval");
    assertThat(parameterNames("/tasks/{taskId}", "delete")).contains("taskId");
    assertThat(parameterNames("/metrics/prometheus", "get")).contains("agent_id");
  }

  @Test
  void everyErrorResponseIsTheErrorJson() {
    Map<String, String> errorSchemas = new TreeMap<>();
    for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
      for (Map.Entry<String, JsonNode> operation : fields(path.getValue())) {
        for (Map.Entry<String, JsonNode> response :
            fields(operation.getValue().path("responses"))) {
          if (!response.getKey().startsWith("2")) {
            JsonNode content = resolve(response.getValue()).path("content");
            errorSchemas.put(
                operation.getKey() + " " + path.getKey() + " " + response.getKey(),
                content.path("application/json").path("schema").path("$ref").asText());
          }
        }
      }
    }

    assertThat(errorSchemas).isNotEmpty();
    assertThat(errorSchemas).allSatisfy((what, ref) -> assertThat(ref).as(what).endsWith("/Error"));
  }

  @Test
  void theDashboardIsNotPartOfTheApi() {
    assertThat(pathNames())
        .isNotEmpty()
        .noneMatch(
            path ->
                path.equals("/")
                    || path.startsWith("/assets")
                    || path.startsWith("/webjars")
                    || path.endsWith(".html"));
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    node.fields().forEachRemaining(fields::add);
    return fields;
  }

  private static List<String> pathNames() {
    List<String> names = new ArrayList<>();
    document.path("paths").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> parameterNames(String path, String method) {
    List<String> names = new ArrayList<>();
    JsonNode item = document.path("paths").path(path);
    item.path("parameters").forEach(p -> names.add(resolve(p).path("name").asText()));
    item.path(method).path("parameters").forEach(p -> names.add(resolve(p).path("name").asText()));
    return names;
  }

  /** Follows a local {@code $ref} such as {@code #/components/responses/UnknownAgent}. */
  private static JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText();
    if (ref.isEmpty()) {
      return node;
    }
    JsonNode target = document;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }
}
