package io.nodelink.metrics.server.access;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Hands a script's {@code Authorization: Basic} header to Liberty. Liberty runs the application's
 * login configuration (the dashboard's form login) only for resources the container protects; on
 * the API, which the application guards itself, {@link HttpServletRequest#login} checks the
 * credentials against the server's user registry instead.
 */
final class ContainerLogin {

  private ContainerLogin() {}

  /**
   * Signs the request in with its Basic credentials if it has some and no caller yet. False if they
   * were there and wrong; true otherwise (no credentials means anonymous, decided later).
   */
  static boolean signInWithBasic(HttpServletRequest request) {
    if (request.getUserPrincipal() != null) {
      return true;
    }
    Optional<BasicCredentials> credentials =
        BasicCredentials.parse(request.getHeader("Authorization"));
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
}
