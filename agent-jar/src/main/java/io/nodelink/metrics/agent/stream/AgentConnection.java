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
import java.util.Optional;
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
 *
 * <p>A stream that was running when the call ended goes on sampling into a {@link SnapshotBuffer}
 * (see {@link OfflineSampler}); the next call sends that buffer once the server has shown it
 * accepted the call (its first request, or {@link #REPLAY_GRACE_MILLIS} without one).
 */
public final class AgentConnection {
  private static final Logger LOG = Logger.getLogger(AgentConnection.class.getName());

  /** Header carrying the agent id (docs/wire-protocol.md, "Authentication"). */
  public static final Metadata.Key<String> AGENT_ID =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);

  /** Header carrying the agent token (docs/wire-protocol.md, "Authentication"). */
  public static final Metadata.Key<String> AGENT_TOKEN =
      Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER);

  /** Optional header: the host's name, so the server can tell two hosts with one id apart. */
  public static final Metadata.Key<String> AGENT_HOSTNAME =
      Metadata.Key.of("agent_hostname", Metadata.ASCII_STRING_MARSHALLER);

  /** Optional header: the host's machine id. */
  public static final Metadata.Key<String> AGENT_MACHINE_ID =
      Metadata.Key.of("agent_machine_id", Metadata.ASCII_STRING_MARSHALLER);

  /** A call that lived this long counts as a working connection. */
  static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * A call still open this long without a request was accepted: a refused one (wrong token) ends at
   * once, and what was sent on it would be lost.
   */
  static final long REPLAY_GRACE_MILLIS = 2000;

  private final String agentId;
  private final String target;
  private final ManagedChannel channel;
  private final ServerAddress serverAddress = new ServerAddress();
  private final AgentServiceGrpc.AgentServiceStub stub;
  private final SnapshotSource source;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final LongSupplier nanoClock;
  private final boolean quiet;
  private final SnapshotBuffer buffer;
  private final OfflineSampler offline;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private StreamSpec lastStream;
  private TaskSession session;
  private boolean stopping;
  private long connects;
  private long duplicateRefusals;

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
    this(
        agentId,
        token,
        target,
        channel,
        source,
        scheduler,
        backoff,
        quiet,
        SnapshotBuffer.disabled());
  }

  /**
   * As above, keeping what is measured while disconnected in {@code buffer}.
   *
   * @param buffer where snapshots wait for the server; {@link SnapshotBuffer#disabled()} for none
   */
  public AgentConnection(
      String agentId,
      String token,
      String target,
      ManagedChannel channel,
      SnapshotSource source,
      ScheduledExecutorService scheduler,
      Backoff backoff,
      boolean quiet,
      SnapshotBuffer buffer) {
    this(
        agentId,
        token,
        target,
        channel,
        source,
        scheduler,
        backoff,
        quiet,
        buffer,
        HostIdentity.NONE);
  }

  /**
   * As above, presenting {@code host} to the server (so that another host given the same agent id
   * is told apart from this one restarting).
   */
  public AgentConnection(
      String agentId,
      String token,
      String target,
      ManagedChannel channel,
      SnapshotSource source,
      ScheduledExecutorService scheduler,
      Backoff backoff,
      boolean quiet,
      SnapshotBuffer buffer,
      HostIdentity host) {
    this.agentId = agentId;
    this.target = target;
    this.channel = channel;
    Metadata headers = new Metadata();
    headers.put(AGENT_ID, agentId);
    headers.put(AGENT_TOKEN, token);
    if (!host.hostname().isEmpty()) {
      headers.put(AGENT_HOSTNAME, host.hostname());
    }
    if (!host.machineId().isEmpty()) {
      headers.put(AGENT_MACHINE_ID, host.machineId());
    }
    this.stub =
        AgentServiceGrpc.newStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers), serverAddress);
    this.source = source;
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.nanoClock = System::nanoTime;
    this.quiet = quiet;
    this.buffer = buffer;
    this.offline = new OfflineSampler(agentId, source, scheduler, buffer, quiet);
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
    private boolean replayStarted;

    Observer(long openedAt) {
      this.openedAt = openedAt;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<TaskResponse> requests) {
      mine = new TaskSession(agentId, source, scheduler, requests, quiet, buffer);
      synchronized (AgentConnection.this) {
        session = mine;
      }
      requests.setOnReadyHandler(
          () -> {
            if (!announced) {
              announced = true;
              log(Level.INFO, "connected to {0}; waiting for tasks", serverAddress.of(target));
            }
            onScheduler(mine::drain);
          });
      if (buffer.enabled()) {
        try {
          scheduler.schedule(this::accepted, REPLAY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
          // the agent is stopping; the buffer goes with it
        }
      }
    }

    /**
     * The server took this call: sampling offline ends (the server will ask for what it wants) and
     * what was kept is sent. Runs on the scheduler; once per call.
     */
    private void accepted() {
      synchronized (this) {
        if (replayStarted || mine.isClosed()) {
          return;
        }
        replayStarted = true;
      }
      long kept = offline.stop();
      if (kept > 0) {
        log(Level.INFO, "server back; {0} snapshot(s) were measured while it was away", kept);
      }
      mine.replay();
    }

    @Override
    public void onNext(TaskRequest request) {
      if (!sawRequest) {
        sawRequest = true;
        backoff.reset();
        onScheduler(this::accepted);
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
      Optional<StreamSpec> running = mine.streamSpec();
      boolean commanded = mine.streamCommanded();
      mine.close(false);
      if (nanoClock.getAsLong() - openedAt >= STABLE_NANOS) {
        backoff.reset();
      }
      keepSampling(running, commanded);
      scheduleReconnect(status);
    }
  }

  /**
   * Goes on sampling as the ended session streamed. A session that never heard of streaming (it
   * ended before the server re-sent START) keeps the previous stream; one told to stop keeps none.
   * An agent that never streamed samples nothing: the server never asked for data, so there is no
   * interval or set of groups it wants.
   */
  private synchronized void keepSampling(Optional<StreamSpec> running, boolean commanded) {
    if (stopping || !buffer.enabled()) {
      return;
    }
    lastStream = running.orElse(commanded ? null : lastStream);
    if (lastStream != null) {
      offline.start(lastStream);
    }
  }

  private void onScheduler(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.FINE, "agent stopping; {0} not run", task);
    }
  }

  private synchronized void scheduleReconnect(Status status) {
    if (stopping) {
      stopped.countDown();
      return;
    }
    if (status.getCode() == Status.Code.ALREADY_EXISTS) {
      refusedAsDuplicate(status);
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
   * Another host is connected with this agent id, and the server keeps that one. Retrying soon
   * cannot help: only the operator can (a distinct id per host), or the other host leaving. So it
   * says so at WARNING and retries only after the longest backoff.
   */
  private void refusedAsDuplicate(Status status) {
    long delay = backoff.atCapMillis();
    duplicateRefusals++;
    LOG.log(
        Level.WARNING,
        "server refused agent id {0}: another host is connected with the same id ({1}). Give each"
            + " host its own agent id (--agent-id or NODELINK_AGENT_ID); retrying in {2} s",
        new Object[] {
          agentId,
          status.getDescription() == null ? status.getCode() : status.getDescription(),
          String.format("%.1f", delay / 1000.0)
        });
    try {
      scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      stopped.countDown();
    }
  }

  /** How many calls the server refused as a duplicate agent id (tests). */
  public synchronized long duplicateRefusals() {
    return duplicateRefusals;
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
    offline.stop();
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
