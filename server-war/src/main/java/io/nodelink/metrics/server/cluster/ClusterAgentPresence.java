package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.agents.AgentPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Agents connected to the other live servers, as of this server's last heartbeat; the live server
 * with the lowest node id speaks for the agents connected nowhere.
 */
@ApplicationScoped
public class ClusterAgentPresence implements AgentPresence {

  @Inject ClusterNode cluster;

  @Override
  public boolean shared() {
    return cluster.enabled();
  }

  @Override
  public boolean connectedElsewhere(String agentId) {
    return cluster.enabled() && cluster.connectedElsewhere(agentId);
  }

  /** The live server with the lowest node id, as for alerts on agents connected nowhere. */
  @Override
  public boolean speaksForOfflineAgents() {
    return !cluster.enabled() || cluster.watchesOfflineAgents();
  }
}
