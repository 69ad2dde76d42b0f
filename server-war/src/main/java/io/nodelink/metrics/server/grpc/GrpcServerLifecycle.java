package io.nodelink.metrics.server.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts and stops one gRPC server built from a {@link ServerBuilder} (Netty in the server, the
 * in-process transport in tests), with the service behind its interceptor.
 */
public final class GrpcServerLifecycle {

  private static final Logger LOG = Logger.getLogger(GrpcServerLifecycle.class.getName());

  private final Server server;
  private volatile boolean running;

  public GrpcServerLifecycle(
      ServerBuilder<?> builder, BindableService service, ServerInterceptor interceptor) {
    this.server = builder.addService(ServerInterceptors.intercept(service, interceptor)).build();
  }

  /** Binds and starts; throws if the port cannot be bound. */
  public synchronized void start() throws IOException {
    server.start();
    running = true;
    LOG.log(Level.INFO, "gRPC server listening on {0}", server.getListenSockets());
  }

  /**
   * Stops at once: open agent streams are cancelled (agents reconnect to the next server), then
   * waits briefly for the transport to let go of the port.
   */
  public synchronized void stopNow() {
    stopNow(() -> {});
  }

  /**
   * Like {@link #stopNow()}, running {@code meanwhile} after the server stopped reading and before
   * waiting for the transport.
   */
  public synchronized void stopNow(Runnable meanwhile) {
    if (!running) {
      return;
    }
    running = false;
    server.shutdownNow();
    meanwhile.run();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warning("gRPC server did not terminate within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("gRPC server stopped");
  }

  /** Whether the server is started and not shut down: the port is bound. */
  public boolean isRunning() {
    return running && !server.isShutdown();
  }

  /** The bound port (useful with port 0), or -1 when not listening on a socket. */
  public int port() {
    return server.getPort();
  }
}
