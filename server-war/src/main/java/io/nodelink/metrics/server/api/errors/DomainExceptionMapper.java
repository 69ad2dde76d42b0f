package io.nodelink.metrics.server.api.errors;

import io.nodelink.metrics.server.domain.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Domain errors: 400, 404, 409 or 503 with the exception's message, and {@code Retry-After} when
 * the exception says when to retry.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    Response response = ErrorResponses.of(ErrorResponses.status(e.kind()), e.getMessage());
    if (e.retryAfterSeconds() > 0) {
      response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
    }
    return response;
  }
}
