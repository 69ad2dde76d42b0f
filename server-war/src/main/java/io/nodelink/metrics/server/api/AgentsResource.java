package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.alerts.AlertBook;
import io.nodelink.metrics.server.cluster.ClusterFleet;
import io.nodelink.metrics.server.cluster.PeerQueries;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.view.AgentSummaryDto;
import io.nodelink.metrics.server.view.AgentsDto;
import io.nodelink.metrics.server.view.DtoMapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /metrics/agents}: every agent the server (or its cluster) knows, online or not. */
@Path("/metrics/agents")
@RequestScoped
public class AgentsResource {

  @Inject AgentRegistry agents;

  @Inject MetricsStore store;

  @Inject AlertBook alerts;

  @Inject StreamingControl streaming;

  @Inject ClusterFleet cluster;

  @Context HttpHeaders headers;

  /** Every agent of the fleet: in a cluster, those connected to the other servers too. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public AgentsDto agents() {
    Map<String, AgentSummaryDto> summaries = new TreeMap<>();
    for (AgentState state : agents.all()) {
      summaries.put(state.agentId(), summary(state));
    }
    if (headers.getHeaderString(PeerQueries.OWN_ANSWER) == null) {
      cluster.addOtherServers(summaries, CallerCredentials.of(headers));
    }
    return new AgentsDto(summaries);
  }

  private AgentSummaryDto summary(AgentState state) {
    String id = state.agentId();
    return DtoMapper.summary(
        state,
        streaming.status(id),
        store.systemInfo(id).isPresent(),
        store.latestMetrics(id).isPresent(),
        store.seriesCount(id),
        alerts.firingCount(id));
  }
}
