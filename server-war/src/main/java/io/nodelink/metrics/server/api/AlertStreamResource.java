package io.nodelink.metrics.server.api;

import io.nodelink.metrics.server.sse.SseHub;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /alerts/stream}: alert transitions as Server-Sent Events named {@code alert}, after
 * one event per alert active at connect time.
 */
@Path("/alerts/stream")
@RequestScoped
public class AlertStreamResource {

  @Inject SseHub hub;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(@Context SseEventSink sink, @Context Sse sse) {
    hub.connectAlerts(sink, sse);
  }
}
