package io.nodelink.metrics.server.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Placeholder for the agent listing; replaced by the registry-backed resource. */
@Path("/metrics/agents")
@RequestScoped
public class AgentsResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Map<String, Object>> agents() {
    return Map.of("agents", Map.of());
  }
}
