package io.nodelink.metrics.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny loopback HTTP server answering like the NodeLink server, route by route, so the client's
 * real JAX-RS stack runs against real sockets. Routes are keyed by method and raw path with query.
 */
final class ContractServer implements AutoCloseable {

  /** One request as received. */
  record Recorded(String method, String rawPathAndQuery, String contentType, String body) {}

  /** Handles one exchange; may keep it open (SSE). */
  @FunctionalInterface
  interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  final List<Recorded> requests = new CopyOnWriteArrayList<>();

  ContractServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  ContractServer on(String method, String pathAndQuery, Route route) {
    routes.put(method + " " + pathAndQuery, route);
    return this;
  }

  ContractServer json(String method, String pathAndQuery, int status, String body) {
    return on(method, pathAndQuery, exchange -> send(exchange, status, "application/json", body));
  }

  ContractServer resource(String method, String pathAndQuery, String resource) {
    return json(method, pathAndQuery, 200, read(resource));
  }

  Recorded last() {
    return requests.get(requests.size() - 1);
  }

  static String read(String resource) {
    try (InputStream in = ContractServer.class.getResourceAsStream("/contract/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Starts an SSE answer; the returned stream writes raw event text, flushed. */
  static SseWriter openSse(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    return new SseWriter(exchange.getResponseBody());
  }

  /** Writes SSE text to one client; a write after the client left throws. */
  static final class SseWriter {
    private final OutputStream out;

    SseWriter(OutputStream out) {
      this.out = out;
    }

    synchronized void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void event(String name, String data) throws IOException {
      write("event: " + name + "\ndata: " + data + "\n\n");
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
    if (exchange.getRequestURI().getRawQuery() != null) {
      key += "?" + exchange.getRequestURI().getRawQuery();
    }
    requests.add(
        new Recorded(
            exchange.getRequestMethod(),
            key.substring(key.indexOf(' ') + 1),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body));
    Route route = routes.get(key);
    if (route == null) {
      send(exchange, 404, "application/json", "{\"error\":\"no such route in the test server\"}");
    } else {
      route.handle(exchange);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
