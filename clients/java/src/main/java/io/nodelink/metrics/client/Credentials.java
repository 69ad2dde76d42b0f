package io.nodelink.metrics.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How the client signs in to a server that requires login: HTTP Basic (a user of the server's
 * registry) or a bearer token (for a server or an authenticating proxy in front of it that takes
 * one, e.g. an OpenID Connect access token). A JAX-RS request filter, so REST calls and the SSE
 * stream carry it alike; register it on your own {@code Client} too.
 */
public final class Credentials implements ClientRequestFilter {

  private final String authorization;
  private final String description;

  private Credentials(String authorization, String description) {
    this.authorization = authorization;
    this.description = description;
  }

  /** HTTP Basic with a user name and password. */
  public static Credentials basic(String user, String password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    String pair = user + ":" + password;
    return new Credentials(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
        "basic user " + user);
  }

  /** A bearer token (e.g. a JWT). */
  public static Credentials bearer(String token) {
    Objects.requireNonNull(token, "token");
    return new Credentials("Bearer " + token, "bearer token");
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle("Authorization", authorization);
  }

  /** Says which kind of credentials, never the secret. */
  @Override
  public String toString() {
    return "Credentials[" + description + "]";
  }
}
