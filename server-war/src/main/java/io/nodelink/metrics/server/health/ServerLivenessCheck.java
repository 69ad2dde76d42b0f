package io.nodelink.metrics.server.health;

import io.nodelink.metrics.server.agents.AgentRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application answers; reports the agent counts. A dead gRPC port is a readiness
 * problem, not a reason to restart the server.
 */
@Liveness
@ApplicationScoped
public class ServerLivenessCheck implements HealthCheck {

  @Inject AgentRegistry agents;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("server")
        .up()
        .withData("agents", agents.size())
        .withData("agents_connected", agents.connectedCount())
        .build();
  }
}
