package it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Assertions on the contract's HTTP answers: the error format every endpoint must keep, 200 JSON
 * answers and RFC 3339 times. The JSON shapes themselves are the test kit's {@code ContractShapes}.
 */
public final class Contract {

  private Contract() {}

  /**
   * Asserts the contract's error form: the given status, a JSON content type and a JSON object with
   * a non-blank {@code error} string; no HTML page, no stack trace.
   */
  public static JsonNode assertError(ApiResponse response, int status) {
    assertThat(response.status()).as(response.describe()).isEqualTo(status);
    assertThat(response.contentType()).as(response.describe()).startsWith("application/json");
    assertThat(response.body().toLowerCase())
        .as(response.describe())
        .doesNotContain("<html", "exception", "\tat ");
    JsonNode json = response.json();
    assertThat(json.isObject()).as(response.describe()).isTrue();
    assertThat(json.path("error").isTextual()).as(response.describe()).isTrue();
    assertThat(json.path("error").asText()).as(response.describe()).isNotBlank();
    return json;
  }

  /** Asserts an error whose message contains {@code messagePart} (case-insensitive). */
  public static JsonNode assertError(ApiResponse response, int status, String messagePart) {
    JsonNode json = assertError(response, status);
    assertThat(json.path("error").asText())
        .as(response.describe())
        .containsIgnoringCase(messagePart);
    return json;
  }

  /** Asserts a 200 answer with a JSON body and returns that body. */
  public static JsonNode assertOk(ApiResponse response) {
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.contentType()).as(response.describe()).startsWith("application/json");
    return response.json();
  }

  /** Asserts an RFC 3339 UTC timestamp such as {@code 2025-07-29T13:32:57Z}; returns it parsed. */
  public static Instant assertRfc3339Utc(String text) {
    assertThat(text).as("RFC 3339 UTC timestamp").endsWith("Z");
    return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
  }
}
