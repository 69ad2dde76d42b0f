package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.view.Json;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Gives the JAX-RS JSON-B provider the API's snake_case configuration. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JsonbProvider implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = Json.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
