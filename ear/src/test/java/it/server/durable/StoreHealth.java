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

  private static final String HISTORY_STORE = "history-store";

  private StoreHealth() {}

  /**
   * The history store's check in {@code /health} ({@code history-store}; failing that, another
   * whose name mentions a store), if there is one (any HTTP status: DOWN answers 503).
   */
  static Optional<JsonNode> check(LibertyInstance server) {
    JsonNode checks = server.getAdmin("/health").json().path("checks");
    Optional<JsonNode> anyStore = Optional.empty();
    for (JsonNode check : checks) {
      String name = check.path("name").asText().toLowerCase();
      if (name.equals(HISTORY_STORE)) {
        return Optional.of(check);
      }
      if (name.contains("store") && anyStore.isEmpty()) {
        anyStore = Optional.of(check);
      }
    }
    return anyStore;
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
