package it.support;

import it.support.tls.ServerTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

/**
 * A small HTTP client for the REST API (API port) and the admin port. It signs in as the test
 * operator ({@link Credentials#OPERATOR}) unless a request carries its own {@code Authorization}
 * header or goes out {@link #anonymous}. HTTPS trusts the build server's own certificate only.
 */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Api() {}

  public static ApiResponse get(String path) {
    return send("GET", ItConfig.api(path), null, Map.of());
  }

  public static ApiResponse delete(String path) {
    return send("DELETE", ItConfig.api(path), null, Map.of());
  }

  /** POST with a JSON body ({@code null}: no body at all). */
  public static ApiResponse post(String path, String jsonBody) {
    Map<String, String> headers =
        jsonBody == null ? Map.of() : Map.of("Content-Type", "application/json");
    return send("POST", ItConfig.api(path), jsonBody, headers);
  }

  /**
   * GET on the admin port: {@code /metrics} over its HTTPS port (MicroProfile Metrics answers only
   * signed-in users there), everything else (health, OpenAPI, test deployments) over plain HTTP.
   */
  public static ApiResponse admin(String path) {
    URI uri = path.startsWith("/metrics") ? ItConfig.adminHttps(path) : ItConfig.admin(path);
    return send("GET", uri, null, Map.of());
  }

  /** Any method, any headers, optional body, on the given absolute URI, as the test operator. */
  public static ApiResponse send(String method, URI uri, String body, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.putIfAbsent("Authorization", Credentials.OPERATOR.basicHeader());
    return sendRaw(method, uri, body, all);
  }

  /** As {@link #send}, signed in as {@code user}. */
  public static ApiResponse sendAs(
      Credentials user, String method, URI uri, String body, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Authorization", user.basicHeader());
    return sendRaw(method, uri, body, all);
  }

  /** As {@link #send}, without credentials. */
  public static ApiResponse anonymous(
      String method, URI uri, String body, Map<String, String> headers) {
    return sendRaw(method, uri, body, headers);
  }

  private static ApiResponse sendRaw(
      String method, URI uri, String body, Map<String, String> headers) {
    BodyPublisher publisher =
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).method(method, publisher);
    headers.forEach(request::header);
    try {
      HttpClient client = "https".equals(uri.getScheme()) ? Https.CLIENT : HTTP;
      var response = client.send(request.build(), BodyHandlers.ofString());
      return new ApiResponse(
          method,
          uri.getRawPath() + query(uri),
          response.statusCode(),
          response.headers(),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Made on first use: the server's key store exists only once it has started. */
  private static final class Https {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(ServerTrust.sslContext())
            .build();
  }

  private static String query(URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }
}
