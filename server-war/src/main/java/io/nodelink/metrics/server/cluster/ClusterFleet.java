package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.view.AgentSummaryDto;
import io.nodelink.metrics.server.view.AgentsDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The fleet as every server of the cluster sees it: each other live server is asked for the agents
 * it holds ({@link PeerQueries}), and an agent connected to one of them replaces this server's
 * older, offline view of it. A server that does not answer in time leaves its agents as this server
 * knows them.
 */
@ApplicationScoped
public class ClusterFleet {

  private static final String AGENTS_PATH = "/metrics/agents";

  @Inject PeerQueries peers;

  /**
   * Adds to {@code local} (this server's agents by id) the agents connected to other servers.
   *
   * @param credentials the caller's {@code Authorization} and {@code Cookie} headers (name, value)
   */
  public void addOtherServers(Map<String, AgentSummaryDto> local, Map<String, String> credentials) {
    for (AgentsDto agents : peers.askOthers(AGENTS_PATH, AgentsDto.class, credentials)) {
      if (agents.agents() != null) {
        agents.agents().forEach((id, summary) -> merge(local, id, summary));
      }
    }
  }

  private static void merge(Map<String, AgentSummaryDto> fleet, String id, AgentSummaryDto other) {
    AgentSummaryDto mine = fleet.get(id);
    if (mine == null || (other.connected() && !mine.connected())) {
      fleet.put(id, other);
    }
  }
}
