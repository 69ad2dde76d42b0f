package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.sse.SseHub;
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

/** {@code GET /agents/{id}/metrics/stream}: live snapshots as Server-Sent Events. */
@Path("/agents/{id}/metrics/stream")
@RequestScoped
public class MetricsStreamResource {

  @Inject AgentRegistry agents;

  @Inject SseHub hub;

  @Inject ServerConfig config;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      @PathParam("id") String id,
      @QueryParam("interval") String interval,
      @Context SseEventSink sink,
      @Context Sse sse) {
    int seconds =
        HistoryParams.streamInterval("interval", interval, config.streamingDefaultInterval());
    agents.require(id);
    hub.connect(id, seconds, sink, sse);
  }
}
