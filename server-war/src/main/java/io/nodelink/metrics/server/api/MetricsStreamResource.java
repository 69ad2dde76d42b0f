package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.sse.SseHub;
import io.nodelink.metrics.server.view.ErrorDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /agents/{id}/metrics/stream}: live snapshots as Server-Sent Events. */
@Path("/agents/{id}/metrics/stream")
@RequestScoped
@Tag(name = "agent")
public class MetricsStreamResource {

  @Inject AgentRegistry agents;

  @Inject SseHub hub;

  @Inject ServerConfig config;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Live metrics",
      description =
          "Events named `metrics` (one line of MetricsSnapshot JSON; the current snapshot first),"
              + " `status` ({\"agent_id\",\"connected\"}) when the agent goes offline or comes"
              + " back, and `: keepalive` comments. The first client starts streaming on the"
              + " agent at `interval`; the last one gone stops it.")
  @APIResponse(responseCode = "200", description = "text/event-stream")
  @APIResponse(
      responseCode = "400",
      description = "Interval outside 1-300",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown agent",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorDto.class)))
  @APIResponse(
      responseCode = "503",
      description = "Too many SSE clients for the agent",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorDto.class)))
  public void stream(
      @Parameter(description = "Agent id") @PathParam("id") String id,
      @Parameter(description = "Seconds between snapshots, 1-300 (default 5)")
          @QueryParam("interval")
          String interval,
      @Context SseEventSink sink,
      @Context Sse sse) {
    int seconds =
        HistoryParams.streamInterval("interval", interval, config.streamingDefaultInterval());
    agents.require(id);
    hub.connect(id, seconds, sink, sse);
  }
}
