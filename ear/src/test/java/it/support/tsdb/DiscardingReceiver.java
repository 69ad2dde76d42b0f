package it.support.tsdb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A remote-write endpoint on a loopback port that accepts every request and keeps nothing, for
 * tests that need the build server's queues empty (their content is bounded, but how full they are
 * when a test looks depends on how long no TSDB listened). The remote-write IT uses a real
 * Prometheus and VictoriaMetrics.
 */
public final class DiscardingReceiver implements AutoCloseable {

  private final HttpServer server;

  private DiscardingReceiver(HttpServer server) {
    this.server = server;
  }

  /** Listens on {@code port} of 127.0.0.1 until closed. */
  public static DiscardingReceiver start(int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
