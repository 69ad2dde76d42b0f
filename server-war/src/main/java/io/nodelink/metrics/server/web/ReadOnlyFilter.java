package io.nodelink.metrics.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Answers 405 to any method but GET, HEAD and OPTIONS on the files the container serves. Liberty's
 * default servlet would otherwise return a file's content to a POST or DELETE as if it were a GET.
 */
public class ReadOnlyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "OPTIONS");
  private static final String ALLOW = "GET, HEAD, OPTIONS";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (ALLOWED.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Allow", ALLOW);
    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }
}
