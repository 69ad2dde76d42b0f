package it.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.server.inserver.Deployments;
import it.support.Api;
import it.support.ApiResponse;
import it.support.ItConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A copy of the server WAR with low limits: at most 2,000 values per history answer (series ×
 * {@code max_points}) and two SSE clients over all agents. Over a limit the answer is the API's
 * JSON error, 400 naming the limit for a query too large, 503 for one SSE client too many.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueryLimitsIT {

  private static final String NAME = "arq-limits";
  private static final int GRPC_PORT = Deployments.freePort();

  private final List<AutoCloseable> resources = new ArrayList<>();
  private String first;
  private String second;

  @Deployment(name = NAME, testable = false)
  static WebArchive deployment() {
    return Deployments.serverWar(
        NAME,
        Map.of(
            "nodelink.grpc.port",
            GRPC_PORT,
            "nodelink.grpc.host",
            "127.0.0.1",
            "nodelink.history.max-values",
            2000,
            "nodelink.sse.max-clients",
            2));
  }

  @BeforeEach
  void connectAgents() {
    first = connect("limits-a");
    second = connect("limits-b");
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  @Test
  void aHistoryQueryThatCouldAnswerTooManyValuesIs400NamingTheLimit() {
    String path = "agents/" + first + "/metrics/history?max_points=1000&metrics=";

    ApiResponse two = get(path + "cpu.usage_percent,memory.usage_percent");
    ApiResponse three = get(path + "cpu.usage_percent,memory.usage_percent,load.load1");

    assertThat(two.status()).as(two.body()).isEqualTo(200);
    assertThat(three.status()).as(three.body()).isEqualTo(400);
    assertThat(three.json().path("error").asText())
        .contains("3000", "2000", "nodelink.history.max-values");
    assertThat(
            get(path.replace("1000", "600") + "cpu.usage_percent,memory.usage_percent,load.load1")
                .status())
        .as("fewer points per series fit")
        .isEqualTo(200);
  }

  @Test
  void oneSseClientBeyondTheTotalIs503AndASlotFreesWhenAClientLeaves() {
    SseTestClient a = sse(first);
    SseTestClient b = sse(second);
    assertThat(a.awaitStatus()).isEqualTo(200);
    assertThat(b.awaitStatus()).isEqualTo(200);

    ApiResponse refused = streamOnce(first);

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    JsonNode error = refused.json();
    assertThat(error.path("error").asText()).contains("nodelink.sse.max-clients");
    b.close();
    await("a slot free after a client left")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> sseClients() < 2);
    assertThat(sse(second).awaitStatus()).isEqualTo(200);
  }

  private String connect(String prefix) {
    String id = TestAgent.uniqueId(prefix);
    TestAgent agent = TestAgent.builder(id).port(GRPC_PORT).connect();
    resources.add(agent);
    await("agent " + id + " online in " + NAME)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> get("agents/" + id).json().path("connected").asBoolean());
    return id;
  }

  private SseTestClient sse(String id) {
    SseTestClient client =
        SseTestClient.open(deploymentUri("agents/" + id + "/metrics/stream?interval=1"), Map.of());
    resources.add(client);
    return client;
  }

  /** A stream request expected to be refused: the answer comes at once, without events. */
  private static ApiResponse streamOnce(String id) {
    return Api.send(
        "GET",
        deploymentUri("agents/" + id + "/metrics/stream?interval=1"),
        null,
        Map.of("Accept", "text/event-stream"));
  }

  /** SSE clients the copy has connected, from its agents' streaming holders. */
  private static int sseClients() {
    int holders = 0;
    for (JsonNode agent : get("metrics/agents").json().path("agents")) {
      holders += agent.path("streaming_wanted").asBoolean() ? 1 : 0;
    }
    return holders;
  }

  private static ApiResponse get(String path) {
    return Api.send("GET", deploymentUri(path), null, Map.of());
  }

  private static URI deploymentUri(String path) {
    return ItConfig.admin("/" + NAME + "/" + path);
  }
}
