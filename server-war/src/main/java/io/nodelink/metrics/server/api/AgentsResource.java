package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.AgentState;
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
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /metrics/agents}: every agent the server knows, online or not. */
@Path("/metrics/agents")
@RequestScoped
@Tag(name = "agents", description = "Agents and their connection state")
public class AgentsResource {

  @Inject AgentRegistry agents;

  @Inject MetricsStore store;

  @Inject StreamingControl streaming;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "List agents",
      description =
          "Every known agent by id: listed as soon as its gRPC stream is accepted, offline when"
              + " it ends, forgotten after staying offline past the retention.")
  @APIResponse(
      responseCode = "200",
      description = "The agents",
      content = @Content(schema = @Schema(implementation = AgentsDto.class)))
  public AgentsDto agents() {
    Map<String, AgentSummaryDto> summaries = new TreeMap<>();
    for (AgentState state : agents.all()) {
      summaries.put(state.agentId(), summary(state));
    }
    return new AgentsDto(summaries);
  }

  private AgentSummaryDto summary(AgentState state) {
    String id = state.agentId();
    return DtoMapper.summary(
        state,
        streaming.status(id),
        store.systemInfo(id).isPresent(),
        store.latestMetrics(id).isPresent());
  }
}
