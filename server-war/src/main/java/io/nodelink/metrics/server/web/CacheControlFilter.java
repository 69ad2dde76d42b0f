package io.nodelink.metrics.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Sets the {@code Cache-Control} header given as the init parameter of the same name on the files
 * the container serves. Liberty's default servlet answers conditional requests by itself
 * (Last-Modified, 304) but has no setting for a caching policy per path, so web.xml maps one
 * instance of this filter per policy.
 */
public class CacheControlFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String HEADER = "Cache-Control";

  private String value;

  @Override
  public void init() throws ServletException {
    value = getInitParameter(HEADER);
    if (value == null || value.isBlank()) {
      throw new ServletException("init parameter " + HEADER + " is required");
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Set before the chain runs: the default servlet commits the response as it writes the file.
    response.setHeader(HEADER, value);
    try {
      chain.doFilter(request, response);
    } catch (FileNotFoundException e) {
      notFound(response);
    } catch (ServletException e) {
      if (!(e.getRootCause() instanceof FileNotFoundException)) {
        throw e;
      }
      notFound(response);
    }
  }

  /**
   * The default servlet's answer to a missing file is a {@link FileNotFoundException} (wrapped in a
   * ServletException by the filters in between). Left to escape this filter, it would be recorded
   * as an incident (FFDC) per request; as a plain 404 the JSON error page answers it.
   */
  private static void notFound(HttpServletResponse response) throws IOException {
    if (!response.isCommitted()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
