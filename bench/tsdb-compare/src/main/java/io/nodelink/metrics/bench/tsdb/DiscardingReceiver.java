package io.nodelink.metrics.bench.tsdb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A remote-write endpoint in this JVM on a free loopback port that accepts and forgets every
 * request: the sender's warm-up, so that neither TSDB's push pays for the JIT compiling it.
 */
final class DiscardingReceiver implements AutoCloseable {

  private final HttpServer server;

  private DiscardingReceiver(HttpServer server) {
    this.server = server;
  }

  static DiscardingReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return new DiscardingReceiver(server);
  }

  URI writeUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
