package io.nodelink.metrics.server.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every other JAX-RS exception (400 unreadable input, 406, 415, ...) as JSON with its status. A 5xx
 * is logged.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (status >= 500) {
      LOG.log(Level.WARNING, "Request failed with " + status, e);
    }
    return ErrorResponses.of(status, ErrorResponses.reason(status));
  }
}
