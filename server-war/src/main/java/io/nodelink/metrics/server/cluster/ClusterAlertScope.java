package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.alerts.AlertScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Alerts in a cluster: an agent is evaluated by the server it is connected to; an agent connected
 * nowhere (its no-data alert) by the live server with the lowest node id, so that exactly one
 * server says it is down, and one still says so when its last server died with it: the servers that
 * report on an agent ({@link ClusterAgentPresence}) evaluate it.
 */
@ApplicationScoped
public class ClusterAlertScope implements AlertScope {

  @Inject ClusterAgentPresence presence;

  @Override
  public boolean shared() {
    return presence.shared();
  }

  @Override
  public boolean evaluatesHere(AgentState agent) {
    return presence.reportsOn(agent);
  }
}
