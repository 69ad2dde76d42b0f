package io.nodelink.metrics.server.access;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Hands a script's credentials to Liberty. Liberty runs the application's login configuration (the
 * dashboard's form login) only for resources the container protects; on the API, which the
 * application guards itself, {@link HttpServletRequest#login} checks Basic credentials against the
 * server's user registry instead. Bearer tokens Liberty's MicroProfile JWT has already checked
 * before the request got here: a caller that presented one and is still unknown presented a bad
 * one.
 */
final class ContainerLogin {

  private static final String BEARER = "bearer ";

  private ContainerLogin() {}

  /**
   * Signs the request in with its Basic credentials if it has some and no caller yet. False if
   * credentials were there and wrong (a Basic password, or a bearer token Liberty refused); true
   * otherwise (no credentials means anonymous, decided later).
   */
  static boolean signIn(HttpServletRequest request) {
    if (request.getUserPrincipal() != null) {
      return true;
    }
    String authorization = request.getHeader("Authorization");
    if (isBearer(authorization)) {
      return false;
    }
    Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
    if (credentials.isEmpty()) {
      return true;
    }
    try {
      request.login(credentials.get().user(), credentials.get().password());
      return true;
    } catch (ServletException e) {
      return false;
    }
  }

  /** Whether an {@code Authorization} header carries a bearer token (RFC 6750, any case). */
  static boolean isBearer(String authorization) {
    return authorization != null
        && authorization.length() > BEARER.length()
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }
}
