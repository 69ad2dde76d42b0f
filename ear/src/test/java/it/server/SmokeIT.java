package it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The server the build started answers on both ports, each with its own endpoints. */
class SmokeIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void apiPortServesTheAgentListAndAdminPortServesHealth() throws Exception {
    HttpResponse<String> agents = get(Integer.getInteger("http.port"), "/metrics/agents");
    assertThat(agents.statusCode()).isEqualTo(200);
    assertThat(agents.body()).contains("\"agents\"");

    HttpResponse<String> health = get(Integer.getInteger("admin.port"), "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", it.support.Credentials.OPERATOR.basicHeader())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
