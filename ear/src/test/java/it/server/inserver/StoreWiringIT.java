package it.server.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import it.support.Api;
import it.support.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store is one application-scoped CDI bean shared by everything in the application: what the
 * gRPC ingestion writes is what injection points and the REST API read.
 */
@ExtendWith(ArquillianExtension.class)
class StoreWiringIT {

  /** Chosen on the client, where the deployment is built; in the server, read the config. */
  private static final int GRPC_PORT = Deployments.freePort();

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestKit(
            Deployments.serverWar(
                "arq-store",
                Map.of("nodelink.grpc.port", GRPC_PORT, "nodelink.grpc.host", "127.0.0.1")))
        .addClass(StoreWiringIT.class);
  }

  @Inject MetricsStore store;

  @Inject AgentRegistry registry;

  @Inject TaskRegistry tasks;

  @Inject ServerConfig config;

  @Inject BeanManager beans;

  @Test
  void storeIsOneApplicationScopedBean() {
    Bean<?> bean = beans.resolve(beans.getBeans(MetricsStore.class));

    assertThat(bean.getScope()).isEqualTo(ApplicationScoped.class);
    store.putMetrics("arq-wiring", Snapshots.sample(Snapshots.nowSeconds(), 21.5));
    MetricsStore lookedUp = CDI.current().select(MetricsStore.class).get();
    assertThat(lookedUp.latestMetrics("arq-wiring"))
        .as("a snapshot written through one reference is read through another")
        .hasValueSatisfying(m -> assertThat(m.getCpu().getUsagePercent()).isEqualTo(21.5));
  }

  @Test
  void whatAnAgentSendsOverGrpcLandsInTheInjectedStore() {
    assertThat(config.grpcPort()).as("the deployment's own gRPC port").isPositive();
    try (TestAgent agent = TestAgent.builder("arq-ingest").port(config.grpcPort()).connect()) {
      await("agent registered in this application")
          .atMost(TestAgent.TIMEOUT)
          .until(() -> registry.find("arq-ingest").isPresent());
      await("system info answered on connect reaches the store")
          .atMost(TestAgent.TIMEOUT)
          .until(() -> store.systemInfo("arq-ingest").isPresent());
      assertThat(store.systemInfo("arq-ingest").orElseThrow().getSoftware().getHostname())
          .isEqualTo("arq-ingest.test");
    }
  }

  @Test
  void aForgottenAgentIsDroppedByEveryObserverOfTheRegistry() {
    try (TestAgent agent = TestAgent.builder("arq-forget").port(config.grpcPort()).connect()) {
      await("system info stored")
          .atMost(TestAgent.TIMEOUT)
          .until(() -> store.systemInfo("arq-forget").isPresent());
    }
    await("agent offline")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> !registry.find("arq-forget").orElseThrow().connected());

    assertThat(registry.forgetOfflineSince(Instant.now().plusSeconds(1))).contains("arq-forget");

    assertThat(registry.isKnown("arq-forget")).isFalse();
    assertThat(store.systemInfo("arq-forget")).as("store observed the forget").isEmpty();
    assertThat(tasks.forAgent("arq-forget")).as("tasks observed the forget").isEmpty();
  }

  @Test
  @RunAsClient
  void restApiOfTheDeploymentServesWhatItsGrpcReceived(@ArquillianResource URL base)
      throws Exception {
    URI api = base.toURI();
    try (TestAgent agent = TestAgent.builder("arq-rest").port(GRPC_PORT).connect()) {
      await("system info through the deployment's REST API")
          .atMost(TestAgent.TIMEOUT)
          .until(() -> get(api, "agents/arq-rest/system").status() == 200);
      JsonNode info = get(api, "agents/arq-rest/system").json();
      assertThat(info.path("software").path("hostname").asText()).isEqualTo("arq-rest.test");
      assertThat(Api.get("/agents/arq-rest/system").status())
          .as("the main application has its own store")
          .isEqualTo(404);
    }
  }

  private static ApiResponse get(URI base, String path) {
    return Api.send("GET", base.resolve(path), null, Map.of());
  }
}
