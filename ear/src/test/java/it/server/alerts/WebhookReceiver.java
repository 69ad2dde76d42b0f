package it.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook the build's server notifies ({@code NODELINK_ALERTS_WEBHOOK_ITHOOK_URL}): records
 * every request's token header and body.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  record Delivery(String token, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  WebhookReceiver(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          deliveries.add(
              new Delivery(
                  exchange.getRequestHeaders().getFirst("X-Hook-Token"), JSON.readTree(body)));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Every alert of the agent received, in order, with the request's token. */
  List<JsonNode> alertsOf(String agentId) {
    List<JsonNode> alerts = new ArrayList<>();
    for (Delivery d : deliveries) {
      for (JsonNode alert : d.body().path("alerts")) {
        if (alert.path("agent_id").asText().equals(agentId)) {
          alerts.add(alert);
        }
      }
    }
    return alerts;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
