package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.cluster.ClusterAlertStream;
import io.nodelink.metrics.server.cluster.PeerQueries;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.sse.SseHub;
import io.nodelink.metrics.server.sse.SseStream;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /alerts/stream}: alert transitions as Server-Sent Events named {@code alert}, after
 * one event per alert active at connect time. Written like {@link MetricsStreamResource}: the
 * request is suspended and never resumed, and the stream writes to the servlet response itself.
 */
@Path("/alerts/stream")
@RequestScoped
public class AlertStreamResource {

  @Inject SseHub hub;

  @Inject ServerConfig config;

  @Inject ClusterAlertStream cluster;

  @Context HttpHeaders headers;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(@Context HttpServletRequest request, @Suspended AsyncResponse suspended) {
    SseStream stream = hub.connectAlerts(request.getAsyncContext());
    stream.start(
        response -> EventStreamResponse.accept(request, response, config.corsAllowedOrigins()));
    if (headers.getHeaderString(PeerQueries.OWN_ANSWER) == null) {
      cluster.addOtherServers(stream, CallerCredentials.of(headers));
    }
  }
}
