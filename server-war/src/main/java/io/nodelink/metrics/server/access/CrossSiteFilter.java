package io.nodelink.metrics.server.access;

import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses forged state changes on the API ({@link CrossSiteRules}): a body that is not JSON is 415,
 * a foreign {@code Origin} is 403, both as JSON errors. Reads pass untouched.
 */
public class CrossSiteFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient ServerConfig config;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (AccessPolicy.required(request.getMethod()) == Role.VIEWER) {
      chain.doFilter(request, response);
      return;
    }
    if (!CrossSiteRules.acceptableOrigin(
        request.getHeader("Origin"),
        request.getScheme(),
        request.getHeader("Host"),
        config.corsAllowedOrigins())) {
      JsonErrors.write(response, 403, "origin not allowed");
      return;
    }
    if (!CrossSiteRules.acceptableBody(request.getContentType(), request.getContentLengthLong())) {
      JsonErrors.write(response, 415, "the request body must be application/json");
      return;
    }
    chain.doFilter(request, response);
  }
}
