package io.nodelink.metrics.server.grpc;

import io.nodelink.metrics.server.auth.AgentAuthInterceptor;
import io.nodelink.metrics.server.auth.AgentTokenStore;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.ingest.AgentStreamHandler;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Runs the embedded gRPC server for as long as the application runs: started when the application
 * scope is initialised, stopped with {@code shutdownNow()} just before it is destroyed (by
 * {@code @PreDestroy} time Liberty has already stopped the EJBs that open streams still call).
 * Calls run on the managed executor {@code concurrent/nodelinkExecutor}, never on gRPC's own thread
 * pool; the tasks it refuses are counted in {@code nodelink.grpc.rejected} and retried.
 */
@ApplicationScoped
public class GrpcServerBootstrap {

  private static final Logger LOG = Logger.getLogger(GrpcServerBootstrap.class.getName());

  @Inject ServerConfig config;

  @Inject AgentStreamHandler ingest;

  @Inject MetricRegistry metrics;

  @Inject AgentTokenStore tokenStore;

  @Resource(lookup = "concurrent/nodelinkExecutor")
  ManagedExecutorService executor;

  private volatile GrpcServerLifecycle lifecycle;
  private volatile EventLoops eventLoops;
  private volatile CallExecutor calls;
  private volatile boolean startAttempted;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    startAttempted = true;
    tokenStore.start();
    EventLoops loops = new EventLoops();
    eventLoops = loops;
    CallExecutor callExecutor = new CallExecutor(executor, loops.workers(), rejections());
    calls = callExecutor;
    try {
      UnauthenticatedConnections unauthenticated = unauthenticated();
      GrpcServerLifecycle server =
          new GrpcServerLifecycle(
              NettyServerFactory.builder(config, callExecutor, loops, unauthenticated),
              new AgentStreamService(ingest),
              new AgentAuthInterceptor(
                  tokenStore::current,
                  unauthenticated::authenticated,
                  config.grpcTlsClientCa().isPresent()));
      server.start();
      lifecycle = server;
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "gRPC server could not start on port " + config.grpcPort() + "; agents cannot connect",
          e);
    }
  }

  private CallRejections rejections() {
    Counter rejected =
        metrics.counter(
            Metadata.builder()
                .withName("nodelink.grpc.rejected")
                .withDescription(
                    "gRPC call tasks the managed executor refused because it was saturated"
                        + " (each is retried, so no agent message is lost)")
                .build());
    return new CallRejections(rejected::inc, System::nanoTime, Duration.ofSeconds(60));
  }

  private UnauthenticatedConnections unauthenticated() {
    Counter refused =
        metrics.counter(
            Metadata.builder()
                .withName("nodelink.grpc.unauthenticated.refused")
                .withDescription(
                    "gRPC connections closed at accept because their source already had"
                        + " nodelink.grpc.max-unauthenticated-per-source connections that had not"
                        + " authenticated")
                .build());
    return new UnauthenticatedConnections(
        config.grpcMaxUnauthenticatedPerSource(),
        refused::inc,
        System::nanoTime,
        Duration.ofSeconds(60));
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    CallExecutor callExecutor = calls;
    GrpcServerLifecycle server = lifecycle;
    lifecycle = null;
    if (server != null) {
      // The managed executor refuses tasks while the application stops: what agents sent before
      // the server stopped reading runs here, so a graceful stop loses none of it.
      server.stopNow(() -> runRefused(callExecutor));
    }
    if (callExecutor != null) {
      callExecutor.close();
      awaitCalls(callExecutor);
    }
    EventLoops loops = eventLoops;
    eventLoops = null;
    if (loops != null) {
      loops.close();
    }
  }

  private static void runRefused(CallExecutor callExecutor) {
    if (callExecutor == null) {
      return;
    }
    try {
      int ran = callExecutor.drain(Duration.ofSeconds(5));
      if (ran > 0) {
        LOG.log(Level.INFO, "Ran {0} agent call task(s) the stopping executor refused", ran);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitCalls(CallExecutor callExecutor) {
    try {
      if (!callExecutor.awaitIdle(Duration.ofSeconds(5))) {
        LOG.log(
            Level.WARNING,
            "{0} gRPC call task(s) still running 5 s after the stop",
            callExecutor.inFlight());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the gRPC port is bound and serving. */
  public boolean isRunning() {
    GrpcServerLifecycle server = lifecycle;
    return server != null && server.isRunning();
  }

  /** Whether start-up has run (successfully or not). */
  public boolean startAttempted() {
    return startAttempted;
  }
}
