package io.nodelink.metrics.server.alerts;

import java.time.Instant;
import java.util.List;

/**
 * Where alerting keeps what must survive a restart: API rules, active alerts, the alert log and
 * silences. Writes are queued and applied later; loads run at once.
 */
public interface AlertStore {

  /** Keeps nothing (unit tests, {@code nodelink.state.persist=false}). */
  AlertStore NONE = new AlertStore() {};

  default void saveRule(AlertRule rule) {}

  default void deleteRule(String name) {}

  /**
   * @throws IllegalStateException if the store cannot be read
   */
  default List<AlertRule> loadRules() {
    return List.of();
  }

  /** Keeps an active alert, or deletes it when it is no longer active. */
  default void saveAlert(Alert alert) {}

  default List<Alert> loadActive() {
    return List.of();
  }

  default void appendTransition(AlertTransition transition) {}

  /** The newest transitions since {@code since}, newest first, at most {@code limit}. */
  default List<AlertTransition> loadTransitions(Instant since, int limit) {
    return List.of();
  }

  /** Drops transitions older than {@code cutoff}. */
  default void pruneTransitions(Instant cutoff) {}

  default void saveSilence(Silence silence) {}

  default void deleteSilence(String id) {}

  default List<Silence> loadSilences() {
    return List.of();
  }
}
