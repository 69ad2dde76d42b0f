package io.nodelink.metrics.server.api.errors;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown paths: 404 JSON. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

  @Override
  public Response toResponse(NotFoundException e) {
    return ErrorResponses.of(404, "not found");
  }
}
