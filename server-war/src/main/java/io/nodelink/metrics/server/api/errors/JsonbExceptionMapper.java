package io.nodelink.metrics.server.api.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JSON-B failures that escape a provider: 400 JSON (they come from input we could not bind). */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

  private static final Logger LOG = Logger.getLogger(JsonbExceptionMapper.class.getName());

  @Override
  public Response toResponse(JsonbException e) {
    LOG.log(Level.FINE, "JSON binding failed", e);
    return ErrorResponses.of(400, "invalid JSON");
  }
}
