package io.nodelink.metrics.server.health;

import io.nodelink.metrics.server.grpc.GrpcServerBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the application has run its start-up (the gRPC server start was attempted). */
@Startup
@ApplicationScoped
public class StartupCompleteCheck implements HealthCheck {

  @Inject GrpcServerBootstrap grpc;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("startup").status(grpc.startAttempted()).build();
  }
}
