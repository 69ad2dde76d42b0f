package it.server.inserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.grpc.GrpcServerBootstrap;
import io.nodelink.metrics.server.health.GrpcReadinessCheck;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.ItConfig;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness goes DOWN when the gRPC port cannot be bound: a second copy of the application is
 * deployed with the main application's gRPC port, which is taken. Liveness stays UP (restarting
 * would not free the port) and the main application keeps serving its agents.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessDownIT {

  /** The port the main application already holds. */
  private static final int TAKEN_PORT = ItConfig.grpcPort();

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestKit(
            Deployments.serverWar(
                "arq-port-taken",
                Map.of("nodelink.grpc.port", TAKEN_PORT, "nodelink.grpc.host", "127.0.0.1")))
        .addClass(ReadinessDownIT.class);
  }

  @Inject @Readiness GrpcReadinessCheck readiness;

  @Inject GrpcServerBootstrap grpc;

  @Inject ServerConfig config;

  @Test
  void readinessCheckIsDownWhenThePortIsTaken() {
    assertThat(grpc.startAttempted()).as("start-up ran").isTrue();
    assertThat(grpc.isRunning()).as("gRPC server running").isFalse();

    HealthCheckResponse response = readiness.call();

    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getName()).isEqualTo("grpc");
    assertThat(response.getData())
        .hasValueSatisfying(
            data -> assertThat(data).containsEntry("port", (long) config.grpcPort()));
  }

  @Test
  @RunAsClient
  void serverReadinessIsDownWhileLivenessStaysUp() {
    ApiResponse ready = Api.admin("/health/ready");

    assertThat(ready.status()).as(ready.describe()).isEqualTo(503);
    JsonNode health = ready.json();
    assertThat(health.path("status").asText()).isEqualTo("DOWN");
    assertThat(health.path("checks").findValues("status").stream().map(JsonNode::asText))
        .contains("DOWN", "UP");
    ApiResponse live = Api.admin("/health/live");
    assertThat(live.status()).as(live.describe()).isEqualTo(200);
  }

  @Test
  @RunAsClient
  void mainApplicationKeepsServingItsAgents() {
    String id = TestAgent.uniqueId("still-served");
    try (TestAgent agent = TestAgent.connect(id)) {
      Agents.awaitOnline(id);
    }
  }
}
