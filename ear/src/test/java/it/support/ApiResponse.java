package it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.contract.ExactJson;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * One HTTP answer of the server: status, headers and body text, with the body parsed as JSON on
 * demand.
 */
public record ApiResponse(
    String method, String path, int status, HttpHeaders headers, String body) {

  /** The body as a JSON tree; fails the test with the raw body if it is not JSON. */
  public JsonNode json() {
    return ExactJson.parse(body, describe());
  }

  /** The Content-Type header, or "" if absent. */
  public String contentType() {
    return header("Content-Type").orElse("");
  }

  /** A response header by name (case-insensitive). */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** "GET /path -> 200: body", for assertion messages. */
  public String describe() {
    String shown = body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    return method + " " + path + " -> " + status + " [" + contentType() + "]: " + shown;
  }

  @Override
  public String toString() {
    return describe();
  }
}
