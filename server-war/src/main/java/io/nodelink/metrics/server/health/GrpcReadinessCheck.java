package io.nodelink.metrics.server.health;

import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.grpc.GrpcServerBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the gRPC port is bound: before that, agents cannot connect. */
@Readiness
@ApplicationScoped
public class GrpcReadinessCheck implements HealthCheck {

  @Inject GrpcServerBootstrap grpc;

  @Inject ServerConfig config;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("grpc")
        .status(grpc.isRunning())
        .withData("port", config.grpcPort())
        .build();
  }
}
