package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.agents.AgentState;

/**
 * Which agents this server evaluates alerts for. A server alone evaluates every agent; in a cluster
 * each agent is evaluated by one server at a time, and its alert state follows it from server to
 * server through the store.
 */
public interface AlertScope {

  /** Every agent, by this server alone. */
  AlertScope ALONE =
      new AlertScope() {
        @Override
        public boolean shared() {
          return false;
        }

        @Override
        public boolean evaluatesHere(AgentState agent) {
          return true;
        }
      };

  /** True when other servers evaluate some agents (a cluster). */
  boolean shared();

  /** Whether this server evaluates the agent's alerts now. */
  boolean evaluatesHere(AgentState agent);
}
