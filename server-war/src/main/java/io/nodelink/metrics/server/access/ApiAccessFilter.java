package io.nodelink.metrics.server.access;

import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Enforces {@link AccessPolicy} on the API's paths with the identity Liberty established (Basic, a
 * bearer token through MicroProfile JWT, or the single sign-on cookie of the dashboard's form
 * login). Refusals are JSON like every other error: 401 with a Basic challenge, or 403.
 *
 * <p>Not container security constraints: those cannot let anonymous callers in by configuration
 * ({@code nodelink.http.anonymous-role}), and would answer a missing login with a login-page
 * redirect instead of 401 on the API.
 */
public class ApiAccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String CHALLENGE = "Basic realm=\"NodeLink\", charset=\"UTF-8\"";
  static final String BEARER_CHALLENGE = "Bearer realm=\"NodeLink\", error=\"invalid_token\"";

  @Inject transient ServerConfig config;

  private transient AccessPolicy policy;

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    policy = new AccessPolicy(AnonymousRole.parse(config.httpAnonymousRole()));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // CORS preflights carry no credentials by design; CorsFilter answers them.
    if ("OPTIONS".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (!ContainerLogin.signIn(request)) {
      if (ContainerLogin.isBearer(request.getHeader("Authorization"))) {
        response.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
        JsonErrors.write(response, 401, "invalid or expired bearer token");
        return;
      }
      refuse(response, 401, "invalid credentials");
      return;
    }
    boolean authenticated = request.getUserPrincipal() != null;
    switch (policy.decide(
        AccessPolicy.required(request.getMethod()), authenticated, request::isUserInRole)) {
      case ALLOW -> chain.doFilter(request, response);
      case UNAUTHENTICATED -> refuse(response, 401, "authentication required");
      case FORBIDDEN -> refuse(response, 403, "the operator role is required");
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    if (status == 401) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
    }
    JsonErrors.write(response, status, message);
  }
}
