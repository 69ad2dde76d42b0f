package io.nodelink.metrics.server.agents;

/**
 * Whether an agent this server knows is connected to another server of a cluster sharing the state
 * database. Such an agent is not offline, however long it has been away from this server, and its
 * stored row is the other server's to keep.
 */
public interface AgentPresence {

  /** A server on its own: no agent is anywhere else. */
  AgentPresence ALONE =
      new AgentPresence() {
        @Override
        public boolean shared() {
          return false;
        }

        @Override
        public boolean connectedElsewhere(String agentId) {
          return false;
        }

        @Override
        public boolean speaksForOfflineAgents() {
          return true;
        }
      };

  /** True when other servers share the agents (a cluster). */
  boolean shared();

  /** Whether the agent is connected to another server now. */
  boolean connectedElsewhere(String agentId);

  /**
   * Whether this server is the one that reports the agents connected nowhere (as down), so that
   * exactly one server of a cluster does.
   */
  boolean speaksForOfflineAgents();

  /**
   * Whether this server reports on the agent: it is connected here, or connected nowhere and this
   * server speaks for such agents.
   */
  default boolean reportsOn(AgentState agent) {
    return agent.connected() || (!connectedElsewhere(agent.agentId()) && speaksForOfflineAgents());
  }
}
