package io.nodelink.metrics.server.streaming;

import java.util.List;
import java.util.Optional;

/**
 * Where {@link StreamingControl} keeps the manual streaming holds across restarts, so they are sent
 * again when their agents reconnect. Saves and deletes are queued and applied later; a load runs at
 * once.
 */
public interface HoldRepository {

  /** Keeps nothing (unit tests that only look at streaming). */
  HoldRepository NONE =
      new HoldRepository() {
        @Override
        public void save(ManualHold hold) {}

        @Override
        public void delete(String agentId) {}

        @Override
        public List<ManualHold> loadAll() {
          return List.of();
        }
      };

  /** Keeps the agent's manual hold (one per agent; a new one replaces it). */
  void save(ManualHold hold);

  void delete(String agentId);

  /**
   * Every stored hold.
   *
   * @throws IllegalStateException if the store cannot be read
   */
  List<ManualHold> loadAll();

  /**
   * The agent's stored hold, if any (manual holds are few: a read of all of them).
   *
   * @throws IllegalStateException if the store cannot be read
   */
  default Optional<ManualHold> find(String agentId) {
    return loadAll().stream().filter(h -> h.agentId().equals(agentId)).findFirst();
  }
}
