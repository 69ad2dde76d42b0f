package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * CORS for browser clients on other origins ({@code nodelink.cors.allowed-origins}; default none
 * when login is required, any when anonymous callers have a role): answers preflight {@code
 * OPTIONS} for any path and adds the headers to every API response, SSE streams and errors
 * included.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ALLOW_METHODS = "GET, POST, DELETE, OPTIONS";
  static final String DEFAULT_ALLOW_HEADERS =
      "Content-Type, Accept, Cache-Control, Last-Event-ID, Authorization";

  @Inject ServerConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())
        && request.getHeaderString("Access-Control-Request-Method") != null) {
      Response.ResponseBuilder preflight =
          Response.noContent()
              .header("Access-Control-Allow-Methods", ALLOW_METHODS)
              .header("Access-Control-Max-Age", "600");
      String asked = request.getHeaderString("Access-Control-Request-Headers");
      preflight.header(
          "Access-Control-Allow-Headers",
          asked == null || asked.isBlank() ? DEFAULT_ALLOW_HEADERS : asked);
      request.abortWith(preflight.build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    CorsHeaders.forOrigin(config.corsAllowedOrigins(), request.getHeaderString("Origin"))
        .ifPresent(cors -> cors.addTo(response.getHeaders()));
  }

  /** The Allow-Origin value for a request from {@code origin}, or null if not allowed. */
  static String allowedOrigin(List<String> allowedOrigins, String origin) {
    if (allowedOrigins.contains("*")) {
      return "*";
    }
    if (origin != null && allowedOrigins.contains(origin)) {
      return origin;
    }
    return null;
  }
}
