package it.server.durable;

import com.fasterxml.jackson.databind.JsonNode;
import it.support.ApiResponse;
import it.support.liberty.LibertyInstance;
import java.util.Optional;

/**
 * What MicroProfile Health says about the history store: the check in {@code /health} whose name
 * mentions the store, degraded when it is not UP or its data says so.
 */
final class StoreHealth {

  private StoreHealth() {}

  /** The store's check in {@code /health}, if there is one (any HTTP status: DOWN answers 503). */
  static Optional<JsonNode> check(LibertyInstance server) {
    JsonNode checks = server.getAdmin("/health").json().path("checks");
    for (JsonNode check : checks) {
      if (check.path("name").asText().toLowerCase().contains("store")) {
        return Optional.of(check);
      }
    }
    return Optional.empty();
  }

  static boolean isDegraded(JsonNode check) {
    JsonNode data = check.path("data");
    return !"UP".equals(check.path("status").asText())
        || data.path("degraded").asBoolean(false)
        || data.toString().toLowerCase().contains("\"degraded\"");
  }

  /** {@code /health/ready} answers 200 with status UP. */
  static boolean isReady(LibertyInstance server) {
    ApiResponse ready = server.getAdmin("/health/ready");
    return ready.status() == 200 && "UP".equals(ready.json().path("status").asText());
  }
}
