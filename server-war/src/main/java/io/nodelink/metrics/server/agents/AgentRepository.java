package io.nodelink.metrics.server.agents;

import java.util.List;

/**
 * Where the {@link AgentRegistry} keeps the agents it knows across restarts. Saves and deletes are
 * queued and applied later; a load runs at once.
 */
public interface AgentRepository {

  /** Keeps nothing (unit tests that only look at the registry). */
  AgentRepository NONE =
      new AgentRepository() {
        @Override
        public void save(AgentState state) {}

        @Override
        public void delete(String agentId) {}

        @Override
        public List<AgentState> loadAll() {
          return List.of();
        }
      };

  /** Keeps the agent's latest state. */
  void save(AgentState state);

  void delete(String agentId);

  /**
   * Every stored agent, as last saved.
   *
   * @throws IllegalStateException if the store cannot be read
   */
  List<AgentState> loadAll();
}
