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
 * Sends a browser that may not view the dashboard to {@code login} (protected in {@code web.xml},
 * so Liberty shows the form login page and, once signed in, sets its single sign-on cookie). The
 * static assets stay open: they hold no data, and the login page needs its style.
 */
public class DashboardAccessFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

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
    ContainerLogin.signIn(request);
    boolean authenticated = request.getUserPrincipal() != null;
    if (policy.decide(Role.VIEWER, authenticated, request::isUserInRole) == AccessDecision.ALLOW) {
      chain.doFilter(request, response);
      return;
    }
    response.sendRedirect(request.getContextPath() + "/login");
  }
}
