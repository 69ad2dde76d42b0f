package io.nodelink.metrics.server.api.errors;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A body the providers could not read (malformed JSON, wrong types): 400 JSON. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

  private static final Logger LOG = Logger.getLogger(ProcessingExceptionMapper.class.getName());

  @Override
  public Response toResponse(ProcessingException e) {
    LOG.log(Level.FINE, "Unreadable request", e);
    return ErrorResponses.of(400, "invalid request body");
  }
}
