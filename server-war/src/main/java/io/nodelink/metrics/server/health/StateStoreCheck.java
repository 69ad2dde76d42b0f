package io.nodelink.metrics.server.health;

import io.nodelink.metrics.server.database.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * How the database of agents, tasks and holds is doing. Always UP, like {@link HistoryStoreCheck}:
 * while it is down the server works from memory and retries; {@code state} says {@code ok} or
 * {@code degraded}.
 */
@Liveness
@ApplicationScoped
public class StateStoreCheck implements HealthCheck {

  @Inject StateDatabase database;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("state-store")
        .up()
        .withData("state", database.isDown() ? "degraded" : "ok")
        .withData("pending_writes", database.pendingWrites())
        .withData("dropped_writes", database.droppedWrites())
        .build();
  }
}
