package io.nodelink.metrics.server.api.errors;

import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.view.ErrorDto;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the API's error responses. */
public final class ErrorResponses {

  private ErrorResponses() {}

  /** {@code status} with body {@code {"error": message}}. */
  public static Response of(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorDto(message))
        .build();
  }

  /** The HTTP status of a domain error kind. */
  public static int status(DomainException.Kind kind) {
    return switch (kind) {
      case BAD_REQUEST -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case LIMIT_REACHED -> 503;
    };
  }

  /** A message for a status when the exception has none worth showing. */
  public static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null
        ? "HTTP " + status
        : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
  }
}
