package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.sse.SseHub;
import io.nodelink.metrics.server.sse.SseStream;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /agents/{id}/metrics/stream}: live snapshots as Server-Sent Events.
 *
 * <p>Not through JAX-RS's {@code SseEventSink}: RESTEasy encodes every event again for each client,
 * byte by byte, which made a thousand clients of one agent wait tens of milliseconds. The request
 * is suspended instead ({@code @Suspended}, never resumed, so JAX-RS writes nothing on success) and
 * the stream writes to the servlet response itself; validation and errors stay with JAX-RS.
 */
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
      @Context HttpServletRequest request,
      @Suspended AsyncResponse suspended) {
    int seconds =
        HistoryParams.streamInterval("interval", interval, config.streamingDefaultInterval());
    agents.require(id);
    SseStream stream = hub.connect(id, seconds, request.getAsyncContext());
    stream.start(
        response -> EventStreamResponse.accept(request, response, config.corsAllowedOrigins()));
  }
}
