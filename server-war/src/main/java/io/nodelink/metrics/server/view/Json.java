package io.nodelink.metrics.server.view;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The one JSON-B configuration of the API: snake_case property names from the records' camelCase
 * components. Used by the JAX-RS provider and by SSE, which writes event data itself.
 */
public final class Json {

  private Json() {}

  /** A new Jsonb with the API's configuration; thread-safe, create once and share. */
  public static Jsonb create() {
    return JsonbBuilder.create(
        new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));
  }
}
