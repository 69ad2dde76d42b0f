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

  /**
   * The active alerts of one agent, as the server that evaluated it last left them.
   *
   * @throws IllegalStateException if the store cannot be read
   */
  default List<Alert> loadActive(String agentId) {
    return List.of();
  }

  /**
   * Applies the queued writes now, so that a load that follows sees them.
   *
   * @return false if some could not be written (the store is unavailable)
   */
  default boolean flush() {
    return true;
  }

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
