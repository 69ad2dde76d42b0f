package it.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runnable server package, started from a temp dir with environment variables only: its health
 * is UP, its metrics need HTTPS on the admin HTTPS port, and a real agent connects with a token
 * from the site configuration directory.
 */
@ExtendWith(PackagedServer.Resolver.class)
class ServerPackageIT {

  @Test
  void startsWithEnvironmentOnlyAndReportsHealthUp(PackagedServer server) throws Exception {
    JsonNode health = server.health();

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.findValues("name")).extracting(JsonNode::asText).contains("grpc");
  }

  @Test
  void metricsAreServedOnlyOverHttpsOnTheAdminHttpsPort(PackagedServer server) throws Exception {
    HttpResponse<String> metrics = server.adminResponse("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(302);
    assertThat(metrics.headers().firstValue("Location"))
        .get()
        .asString()
        .startsWith("https://")
        .contains(":" + PackagingConfig.port(4) + "/metrics");
  }

  @Test
  void realAgentConnectsWithTokenFromSiteConfiguration(PackagedServer server) throws Exception {
    Path jar = PackagingConfig.agentJar();
    Assumptions.assumeTrue(jar.toFile().isFile(), "no agent jar at " + jar);
    String id = "pkg-plain";
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m",
            "-jar",
            jar.toAbsolutePath().toString(),
            "--server",
            server.grpcTarget(),
            "--agent-id",
            id,
            "--agent-token",
            PackagedServer.TOKENS.get(id));
    Path work = PackagingConfig.workDir();
    try (AgentRun agent =
        AgentRun.start(command, work, Map.of("PATH", "/usr/bin:/bin"), work.resolve(id + ".log"))) {
      await("agent " + id + " connected")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .failFast("the agent exited", () -> !agent.alive())
          .until(() -> server.connected(id));
    }
  }
}
