package io.nodelink.metrics.server.api;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;

/**
 * The CORS headers of an answer to an allowed origin. Shared by {@link CorsFilter} and the event
 * streams, which write their own response and so never pass through the filter on success.
 */
record CorsHeaders(String allowOrigin) {

  /** The headers for a request from {@code origin}, none if it is not allowed. */
  static Optional<CorsHeaders> forOrigin(List<String> allowedOrigins, String origin) {
    return Optional.ofNullable(CorsFilter.allowedOrigin(allowedOrigins, origin))
        .map(CorsHeaders::new);
  }

  /** A listed origin may send the user's credentials (cookie, Basic); a wildcard never may. */
  private boolean withCredentials() {
    return !"*".equals(allowOrigin);
  }

  void addTo(MultivaluedMap<String, Object> headers) {
    headers.putSingle("Access-Control-Allow-Origin", allowOrigin);
    if (withCredentials()) {
      headers.putSingle("Access-Control-Allow-Credentials", "true");
      headers.add("Vary", "Origin");
    }
  }

  void addTo(HttpServletResponse response) {
    response.setHeader("Access-Control-Allow-Origin", allowOrigin);
    if (withCredentials()) {
      response.setHeader("Access-Control-Allow-Credentials", "true");
      response.addHeader("Vary", "Origin");
    }
  }
}
