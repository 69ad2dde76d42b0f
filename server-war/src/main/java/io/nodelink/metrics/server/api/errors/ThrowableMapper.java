package io.nodelink.metrics.server.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The last resort: a bug. 500 JSON without internals; the stack trace goes to the log. */
@Provider
public class ThrowableMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ThrowableMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    LOG.log(Level.SEVERE, "Unhandled error in a request", e);
    return ErrorResponses.of(500, "internal server error");
  }
}
