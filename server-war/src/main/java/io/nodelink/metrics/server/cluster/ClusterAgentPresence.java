package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.agents.AgentPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Agents connected to the other live servers, as of this server's last heartbeat. */
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
}
