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
      };

  /** True when other servers share the agents (a cluster). */
  boolean shared();

  /** Whether the agent is connected to another server now. */
  boolean connectedElsewhere(String agentId);
}
