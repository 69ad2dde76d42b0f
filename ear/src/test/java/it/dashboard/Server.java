package it.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;

/** The server the build started, seen over plain HTTP: base URL and small JSON reads. */
final class Server {

  static final String HOST = "127.0.0.1";
  static final int HTTP_PORT = Integer.getInteger("http.port", 8080);
  static final int GRPC_PORT = Integer.getInteger("grpc.port", 9090);
  static final String BASE = "http://" + HOST + ":" + HTTP_PORT + "/";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Server() {}

  static final String ADMIN_BASE =
      "http://" + HOST + ":" + Integer.getInteger("admin.port", 9080) + "/";

  static HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", it.support.Credentials.OPERATOR.basicHeader());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** A request without a body, e.g. a POST to a file. */
  static HttpResponse<byte[]> send(String method, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", it.support.Credentials.OPERATOR.basicHeader())
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** A GET on the admin port (health, OpenAPI; metrics need HTTPS and a login). */
  static HttpResponse<byte[]> admin(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(ADMIN_BASE + path)).timeout(Duration.ofSeconds(10)));
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String path) {
    try {
      return JSON.readTree(get(path).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the application answers the agent list with JSON: on a loaded machine Liberty can
   * report itself started well before the application is.
   */
  static void awaitReady() {
    Awaitility.await("application started")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              HttpResponse<byte[]> response = get("metrics/agents");
              return response.statusCode() == 200
                  && response.headers().firstValue("Content-Type").orElse("").contains("json");
            });
  }

  /** The AgentSummary of one agent from GET /metrics/agents, or a missing node. */
  static JsonNode agent(String agentId) {
    return json("metrics/agents").path("agents").path(agentId);
  }
}
