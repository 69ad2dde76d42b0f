package io.nodelink.metrics.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The status and headers of an accepted event stream. The streams write to the servlet response
 * themselves (one encoding per event for every client), so what JAX-RS set for them before, from
 * {@code @Produces} and {@link CorsFilter}, is set here; errors still go through JAX-RS.
 */
final class EventStreamResponse {

  private EventStreamResponse() {}

  static void accept(
      HttpServletRequest request, HttpServletResponse response, List<String> allowedOrigins) {
    // In the order RESTEasy wrote them: CORS first.
    CorsHeaders.forOrigin(allowedOrigins, request.getHeader("Origin"))
        .ifPresent(cors -> cors.addTo(response));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.SERVER_SENT_EVENTS);
  }
}
