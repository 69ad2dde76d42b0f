package io.nodelink.metrics.server.prometheus.exposition;

import io.nodelink.metrics.server.agents.AgentPresence;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.prometheus.LatestSamples;
import io.nodelink.metrics.server.prometheus.SnapshotConversion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /metrics/prometheus[?agent_id=...]}: every known agent's latest values (connected
 * agents) and {@code nodelink_agent_up}, for Prometheus to scrape with {@code honor_labels: true}.
 * {@code agent_id} (repeatable) keeps only those agents. In a cluster each server exposes the
 * agents connected to it, and one of them the agents connected nowhere, so that Prometheus scraping
 * every server gets each agent once, from the server that has it.
 */
@Path("/metrics/prometheus")
@RequestScoped
public class PrometheusResource {

  @Inject AgentRegistry agents;

  @Inject AgentPresence presence;

  @Inject LatestSamples latest;

  @Inject SnapshotConversion conversion;

  @GET
  public Response scrape(
      @HeaderParam(HttpHeaders.ACCEPT) String accept, @QueryParam("agent_id") List<String> ids) {
    Set<String> only = new HashSet<>(ids);
    conversion.scraped(
        agents.all().stream().filter(AgentState::connected).map(AgentState::agentId).toList());
    FleetSnapshots fleet = new FleetSnapshots();
    for (AgentState state : agents.all()) {
      if ((only.isEmpty() || only.contains(state.agentId())) && presence.reportsOn(state)) {
        fleet.add(state.agentId(), state.connected(), latest.of(state.agentId()).orElse(null));
      }
    }
    ExpositionFormat format = ExpositionFormat.forAccept(accept);
    StreamingOutput body = out -> format.write(out, fleet.build());
    return Response.ok(body, format.contentType()).build();
  }
}
