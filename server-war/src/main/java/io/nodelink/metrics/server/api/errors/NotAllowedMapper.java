package io.nodelink.metrics.server.api.errors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A known path with the wrong method: 405 JSON, keeping the {@code Allow} header. */
@Provider
public class NotAllowedMapper implements ExceptionMapper<NotAllowedException> {

  @Override
  public Response toResponse(NotAllowedException e) {
    Response response = ErrorResponses.of(405, "method not allowed");
    String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
    return allow == null
        ? response
        : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
  }
}
