package it.server.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Api;
import it.support.ApiResponse;
import it.support.ItConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded gRPC server lives exactly as long as its application: bound and ready once the
 * application has started, released when it is undeployed (agents on it see the stream end).
 */
@ExtendWith(ArquillianExtension.class)
class GrpcLifecycleIT {

  private static final String NAME = "arq-lifecycle";
  private static final int GRPC_PORT = Deployments.freePort();

  @ArquillianResource Deployer deployer;

  @Deployment(name = NAME, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.serverWar(
        NAME, Map.of("nodelink.grpc.port", GRPC_PORT, "nodelink.grpc.host", "127.0.0.1"));
  }

  @Test
  @RunAsClient
  void grpcPortIsBoundWhileDeployedAndReleasedOnUndeploy() {
    assertThat(canBind(GRPC_PORT)).as("port %s free before deployment", GRPC_PORT).isTrue();
    long logStart = ServerLog.size();
    TestAgent agent = null;
    deployer.deploy(NAME);
    try {
      assertThat(canConnect(GRPC_PORT)).as("gRPC port bound once the app has started").isTrue();
      assertThat(readinessOf(GRPC_PORT)).as("this app's grpc readiness check").isEqualTo("UP");

      agent = TestAgent.builder("arq-lifecycle-agent").port(GRPC_PORT).connect();
      TestAgent connected = agent;
      await("agent listed by the deployment")
          .atMost(TestAgent.TIMEOUT)
          .until(
              () -> deploymentApi("metrics/agents").json().path("agents").has(connected.agentId()));
      // Its first exchange (the system info task) done, so undeploying does not race it.
      await("the agent's system info stored")
          .atMost(TestAgent.TIMEOUT)
          .until(
              () ->
                  deploymentApi("agents/" + connected.agentId())
                      .json()
                      .path("has_system_info")
                      .asBoolean());
    } finally {
      deployer.undeploy(NAME);
    }

    await("port released after undeploy").atMost(TestAgent.TIMEOUT).until(() -> canBind(GRPC_PORT));
    Status ended = agent.awaitEnded();
    assertThat(ended.isOk())
        .as("the agent's stream ends with the application: %s", ended)
        .isFalse();
    agent.close();
    await("the stop of " + NAME + " logged")
        .atMost(TestAgent.TIMEOUT)
        .until(
            () ->
                ServerLog.linesSince(logStart).stream()
                    .anyMatch(line -> line.contains("CWWKZ0009I") && line.contains(NAME)));
    await("no errors logged while and after the application stops")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(ServerLog.errorsAfter(logStart, "Starting application " + NAME))
                    // Arquillian deletes the WAR from dropins before Liberty stops the app, so
                    // a class first loaded in that window cannot be read (CWWKL0002E, and gRPC's
                    // SerializingExecutor reports the failed task): an artefact of the harness.
                    // Callbacks after the stop are dropped by the CallExecutor.
                    .filteredOn(line -> !isClassReadAfterArchiveRemoved(line))
                    .isEmpty());
  }

  private static boolean isClassReadAfterArchiveRemoved(String line) {
    return (line.contains("CWWKL0002E")
            && (line.contains("[io.nodelink.metrics.") || line.contains("[io.grpc.")))
        || line.contains("io.grpc.internal.SerializingExecutor");
  }

  private static ApiResponse deploymentApi(String path) {
    return Api.send("GET", ItConfig.admin("/" + NAME + "/" + path), null, Map.of());
  }

  /** The status of the grpc readiness check whose data names {@code port}, or "absent". */
  private static String readinessOf(int port) {
    JsonNode ready = Api.admin("/health/ready").json();
    for (JsonNode check : ready.path("checks")) {
      if (check.path("name").asText().equals("grpc")
          && check.path("data").path("port").asInt() == port) {
        return check.path("status").asText();
      }
    }
    return "absent in " + ready;
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canConnect(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
