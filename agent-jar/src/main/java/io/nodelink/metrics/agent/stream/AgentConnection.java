package io.nodelink.metrics.agent.stream;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one agent's {@code StreamTasks} call open: authenticates with the {@code agent_id} and
 * {@code agent_token} metadata, hands the server's requests to a {@link TaskSession}, and when the
 * call ends reconnects after an exponential, jittered, capped backoff. The backoff starts afresh
 * after a call that stayed up for a while or carried a request.
 */
public final class AgentConnection {
  private static final Logger LOG = Logger.getLogger(AgentConnection.class.getName());

  /** Header carrying the agent id (docs/wire-protocol.md, "Authentication"). */
  public static final Metadata.Key<String> AGENT_ID =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);

  /** Header carrying the agent token (docs/wire-protocol.md, "Authentication"). */
  public static final Metadata.Key<String> AGENT_TOKEN =
      Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER);

  /** A call that lived this long counts as a working connection. */
  static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String agentId;
  private final String target;
  private final ManagedChannel channel;
  private final AgentServiceGrpc.AgentServiceStub stub;
  private final SnapshotSource source;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final LongSupplier nanoClock;
  private final boolean quiet;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private TaskSession session;
  private boolean stopping;
  private long connects;

  /**
   * @param agentId the id to authenticate as
   * @param token the token (never logged)
   * @param target the server address, for log lines
   * @param channel the channel (shared between simulated agents)
   * @param source the data
   * @param scheduler runs sessions and reconnects
   * @param backoff reconnect delays
   * @param quiet log per-connection events at FINE (simulated agents)
   */
  public AgentConnection(
      String agentId,
      String token,
      String target,
      ManagedChannel channel,
      SnapshotSource source,
      ScheduledExecutorService scheduler,
      Backoff backoff,
      boolean quiet) {
    this.agentId = agentId;
    this.target = target;
    this.channel = channel;
    Metadata headers = new Metadata();
    headers.put(AGENT_ID, agentId);
    headers.put(AGENT_TOKEN, token);
    this.stub =
        AgentServiceGrpc.newStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    this.source = source;
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.nanoClock = System::nanoTime;
    this.quiet = quiet;
  }

  /** Opens the first call. */
  public void start() {
    scheduler.execute(this::connect);
  }

  /** True while a session is running (status and tests). */
  public synchronized boolean isStreaming() {
    return session != null && session.isStreaming();
  }

  /** How many calls were opened so far (tests). */
  public synchronized long connectCount() {
    return connects;
  }

  private synchronized void connect() {
    if (stopping) {
      return;
    }
    connects++;
    channel.resetConnectBackoff(); // our backoff governs, not the channel's (up to 2 min)
    log(Level.INFO, "connecting to {0} as agent {1}", target, agentId);
    long openedAt = nanoClock.getAsLong();
    stub.streamTasks(new Observer(openedAt));
  }

  /** Receives the server's side of one call. */
  private final class Observer implements ClientResponseObserver<TaskResponse, TaskRequest> {
    private final long openedAt;
    private TaskSession mine;
    private boolean announced;
    private boolean sawRequest;

    Observer(long openedAt) {
      this.openedAt = openedAt;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<TaskResponse> requests) {
      mine = new TaskSession(agentId, source, scheduler, requests, quiet);
      synchronized (AgentConnection.this) {
        session = mine;
      }
      requests.setOnReadyHandler(
          () -> {
            if (!announced) {
              announced = true;
              log(Level.INFO, "connected to {0}; waiting for tasks", target);
            }
          });
    }

    @Override
    public void onNext(TaskRequest request) {
      if (!sawRequest) {
        sawRequest = true;
        backoff.reset();
      }
      mine.onRequest(request);
    }

    @Override
    public void onError(Throwable t) {
      ended(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      ended(Status.OK.withDescription("server closed the stream"));
    }

    private void ended(Status status) {
      mine.close(false);
      if (nanoClock.getAsLong() - openedAt >= STABLE_NANOS) {
        backoff.reset();
      }
      scheduleReconnect(status);
    }
  }

  private synchronized void scheduleReconnect(Status status) {
    if (stopping) {
      stopped.countDown();
      return;
    }
    long delay = backoff.nextDelayMillis();
    String why =
        status.getCode() == Status.Code.UNAUTHENTICATED
            ? "server rejected agent id " + agentId + " or its token"
            : status.getCode()
                + (status.getDescription() == null ? "" : ": " + status.getDescription());
    log(
        status.getCode() == Status.Code.UNAUTHENTICATED ? Level.WARNING : Level.INFO,
        "disconnected ({0}); reconnecting in {1} s",
        why,
        String.format("%.1f", delay / 1000.0));
    try {
      scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      stopped.countDown();
    }
  }

  /**
   * Stops cleanly: ends a running stream with its final message, half-closes the call and waits
   * briefly for the server to close its side.
   */
  public void stop(long timeoutMillis) throws InterruptedException {
    beginStop();
    awaitStopped(timeoutMillis);
  }

  /** Starts a clean stop without waiting (many simulated agents stop in parallel). */
  public void beginStop() {
    TaskSession s;
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      s = session;
    }
    if (s == null) {
      stopped.countDown();
      return;
    }
    try {
      scheduler.execute(() -> s.close(true));
    } catch (RejectedExecutionException e) {
      s.close(true);
    }
  }

  /** Waits until the server closed its side after {@link #beginStop()}, or the timeout. */
  public boolean awaitStopped(long timeoutMillis) throws InterruptedException {
    return stopped.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void log(Level level, String msg, Object... args) {
    LOG.log(quiet && level == Level.INFO ? Level.FINE : level, msg, args);
  }
}
