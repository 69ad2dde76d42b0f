package io.nodelink.metrics.testkit.agent;

import static org.awaitility.Awaitility.await;

import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.TaskCancelResponse;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.Timeouts;
import io.nodelink.metrics.testkit.protocol.AgentHeaders;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An agent for tests: a real gRPC client that speaks {@code pb.AgentService} as
 * docs/wire-protocol.md describes, records every command it receives, and streams snapshots whose
 * values the test controls. It runs over its own Netty channel to 127.0.0.1 (integration tests) or
 * over a channel the test owns (in-process or TLS unit tests). By default it answers like a real
 * agent: system info, START (an ack, a snapshot at once, then one per interval), UPDATE_INTERVAL,
 * STOP and cancel; {@link Builder#manual()} makes it record only, and the test answers with {@link
 * #send}.
 *
 * <p>All sends and the stream timer run on one worker thread, so the order of messages on the wire
 * is the order in which the agent decided to send them.
 */
public final class TestAgent implements AutoCloseable {

  /** How long the await helpers wait before failing. */
  public static final Duration TIMEOUT = Timeouts.AWAIT;

  /** The token the integration-test server accepts for any agent id ({@code *:shared-secret}). */
  public static final String SHARED_TOKEN = "shared-secret";

  private final String agentId;
  private final Builder options;
  private final Channel channel;
  private final ManagedChannel ownChannel;
  private final ScheduledExecutorService worker;
  private final List<TaskRequest> received = new CopyOnWriteArrayList<>();
  private final BlockingQueue<TaskRequest> unread = new LinkedBlockingQueue<>();
  private final List<TaskResponse> sent = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Status> ended = new CompletableFuture<>();
  private final AtomicLong snapshotsSent = new AtomicLong();
  private volatile ClientCallStreamObserver<TaskResponse> outbound;
  private volatile double cpuPercent = Snapshots.DEFAULT_CPU_PERCENT;

  // Streaming state; touched on the worker thread only (volatile for the getters).
  private volatile String streamingTaskId;
  private volatile int streamingInterval;
  private volatile List<String> streamingGroups = List.of();
  private ScheduledFuture<?> ticker;

  private TestAgent(Builder options) {
    this.agentId = options.agentId;
    this.options = options;
    this.ownChannel =
        options.channel != null
            ? null
            : Grpc.newChannelBuilderForAddress(
                    "127.0.0.1", options.port, InsecureChannelCredentials.create())
                .build();
    this.channel = options.channel != null ? options.channel : ownChannel;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "test-agent-" + agentId);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Connects as {@code agentId} to the server under test with the shared token. */
  public static TestAgent connect(String agentId) {
    return builder(agentId).connect();
  }

  /** Connects as {@code agentId} over {@code channel} (owned by the caller), answering commands. */
  public static TestAgent connect(Channel channel, String agentId, String token) {
    return builder(agentId).channel(channel).token(token).connect();
  }

  /** Connects over {@code channel} recording commands only; the test answers with {@link #send}. */
  public static TestAgent connectManual(Channel channel, String agentId, String token) {
    return builder(agentId).channel(channel).token(token).manual().connect();
  }

  /** Options for an agent that will connect as {@code agentId}. */
  public static Builder builder(String agentId) {
    return new Builder(agentId);
  }

  /** A fresh agent id, unique in this test run, that starts with {@code prefix}. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private TestAgent open() {
    AgentServiceGrpc.newStub(channel)
        .withInterceptors(
            MetadataUtils.newAttachHeadersInterceptor(
                AgentHeaders.withHost(
                    AgentHeaders.of(options.sendId ? agentId : null, options.token),
                    options.hostname,
                    options.machineId)))
        .streamTasks(new Inbound());
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // What the test controls

  /** The CPU usage the next snapshots report. */
  public void setCpuPercent(double percent) {
    this.cpuPercent = percent;
  }

  /** Sends a data message for the running streaming task (fails if there is none). */
  public void sendData(MetricsDataResponse data) {
    onWorker(
        () -> {
          String task = streamingTaskId;
          if (task == null) {
            throw new IllegalStateException(agentId + " has no streaming task");
          }
          sendSnapshot(task, data);
        });
  }

  /** Sends any message as it is. */
  public void send(TaskResponse response) {
    onWorker(() -> write(response));
  }

  /** Half-closes the stream, as an agent that shuts down cleanly does. */
  public void closeStream() {
    onWorker(
        () -> {
          stopTicker();
          outbound.onCompleted();
        });
  }

  /** Drops the connection abruptly (stream cancelled; its own channel torn down). */
  public void kill() {
    ClientCallStreamObserver<TaskResponse> stream = outbound;
    if (stream != null && !ended.isDone()) {
      stream.cancel("test agent killed", null);
    }
    if (ownChannel != null) {
      ownChannel.shutdownNow();
    }
  }

  @Override
  public void close() {
    kill();
    worker.shutdownNow();
  }

  // ---------------------------------------------------------------------------------------------
  // What the test observes

  public String agentId() {
    return agentId;
  }

  /** Every command received so far, in order. */
  public List<TaskRequest> received() {
    return List.copyOf(received);
  }

  /** The received commands that match {@code filter}. */
  public List<TaskRequest> received(Predicate<TaskRequest> filter) {
    return received.stream().filter(filter).collect(Collectors.toList());
  }

  /** The next command not yet taken by this method, or null after the timeout. */
  public TaskRequest nextCommand(long timeout, TimeUnit unit) throws InterruptedException {
    return unread.poll(timeout, unit);
  }

  /** Every message this agent sent. */
  public List<TaskResponse> sent() {
    return List.copyOf(sent);
  }

  /** The task id of the running stream, or null. */
  public String streamingTaskId() {
    return streamingTaskId;
  }

  /** The period of the running stream (0 when not streaming). */
  public int streamingInterval() {
    return streamingTaskId == null ? 0 : streamingInterval;
  }

  /** The metric groups the running stream was asked for (empty = all). */
  public List<String> streamingGroups() {
    return streamingGroups;
  }

  /** Data messages sent so far. */
  public long snapshotsSent() {
    return snapshotsSent.get();
  }

  /** Completes with the status the call ended with (OK when the server completed it). */
  public CompletableFuture<Status> ended() {
    return ended;
  }

  /** Waits for the call to end and returns its status. */
  public Status awaitEnded() {
    await("call of " + agentId + " to end").atMost(TIMEOUT).until(ended::isDone);
    return ended.join();
  }

  /** Waits for the {@code n}th (1-based) received command matching {@code filter}. */
  public TaskRequest awaitRequest(String what, Predicate<TaskRequest> filter, int n) {
    await(agentId + " to receive " + what + " #" + n + " (received: " + summary() + ")")
        .atMost(TIMEOUT)
        .until(() -> received(filter).size() >= n);
    return received(filter).get(n - 1);
  }

  /** Waits for the first received command matching {@code filter}. */
  public TaskRequest awaitRequest(String what, Predicate<TaskRequest> filter) {
    return awaitRequest(what, filter, 1);
  }

  public TaskRequest awaitStart() {
    return awaitRequest("START", TaskRequests::isStart);
  }

  public TaskRequest awaitStop() {
    return awaitRequest("STOP", TaskRequests::isStop);
  }

  /** Waits until the agent streams (START handled) and returns the streaming task id. */
  public String awaitStreaming() {
    await(agentId + " to stream (received: " + summary() + ")")
        .atMost(TIMEOUT)
        .until(() -> streamingTaskId != null);
    return streamingTaskId;
  }

  /** A one-line list of received commands, for failure messages. */
  public String summary() {
    return received.stream()
        .map(TaskRequests::describe)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  // ---------------------------------------------------------------------------------------------
  // Protocol

  private final class Inbound implements ClientResponseObserver<TaskResponse, TaskRequest> {
    @Override
    public void beforeStart(ClientCallStreamObserver<TaskResponse> requestStream) {
      outbound = requestStream;
    }

    @Override
    public void onNext(TaskRequest request) {
      received.add(request);
      unread.add(request);
      if (!options.manual) {
        onWorker(() -> handle(request));
      }
    }

    @Override
    public void onError(Throwable error) {
      ended.complete(Status.fromThrowable(error));
      onWorker(TestAgent.this::stopTicker);
    }

    @Override
    public void onCompleted() {
      ended.complete(Status.OK);
      onWorker(TestAgent.this::stopTicker);
    }
  }

  private void handle(TaskRequest request) {
    String task = request.getTaskId();
    switch (request.getTaskCase()) {
      case TASK_CANCEL -> handleCancel(task);
      case METRICS_REQUEST -> handleMetrics(task, request.getMetricsRequest());
      default -> write(failure(task, "unsupported task " + request.getTaskCase()));
    }
  }

  private void handleMetrics(String task, MetricsRequest request) {
    switch (request.getRequestTypeCase()) {
      case SYSTEM_INFO -> {
        if (options.answerSystemInfo) {
          write(
              response(task, TaskResponse.Status.COMPLETED, true)
                  .setMetricsResponse(
                      MetricsResponse.newBuilder().setSystemInfo(options.systemInfo))
                  .build());
        }
      }
      case STREAM_REQUEST -> handleStream(task, request.getStreamRequest());
      default -> write(failure(task, "not supported: " + request.getRequestTypeCase()));
    }
  }

  private void handleStream(String task, MetricsStreamRequest request) {
    switch (request.getAction()) {
      case START -> start(task, request);
      case STOP -> {
        endStream();
        write(response(task, TaskResponse.Status.COMPLETED, true).build());
      }
      case UPDATE_INTERVAL -> updateInterval(task, request);
      default -> write(failure(task, "unknown action"));
    }
  }

  private void start(String task, MetricsStreamRequest request) {
    // 0 means the agent's default of 5 s, as the real agent reads it.
    int interval = request.getIntervalSeconds() == 0 ? 5 : request.getIntervalSeconds();
    if (interval > 300 || options.refuseStreaming) {
      write(failure(task, "interval out of range"));
      return;
    }
    endStream();
    streamingTaskId = task;
    streamingInterval = interval;
    streamingGroups = List.copyOf(request.getMetricsList());
    write(response(task, TaskResponse.Status.IN_PROGRESS, false).build());
    scheduleTicker(0);
  }

  private void updateInterval(String task, MetricsStreamRequest request) {
    int interval = request.getIntervalSeconds();
    if (interval < 1 || interval > 300) {
      write(failure(task, "interval out of range"));
      return;
    }
    streamingInterval = interval;
    if (!request.getMetricsList().isEmpty()) {
      streamingGroups = List.copyOf(request.getMetricsList());
    }
    if (streamingTaskId != null) {
      stopTicker();
      scheduleTicker(interval);
    }
    write(response(task, TaskResponse.Status.COMPLETED, true).build());
  }

  private void handleCancel(String task) {
    if (task.equals(streamingTaskId)) {
      stopTicker();
      streamingTaskId = null;
      write(
          response(task, TaskResponse.Status.COMPLETED, true)
              .setCancelled(true)
              .setTaskCancel(TaskCancelResponse.newBuilder().setMessage("streaming stopped"))
              .build());
    } else {
      write(failure(task, "no such task"));
    }
  }

  /** Ends the running stream, if any, with COMPLETED/is_final for its task. */
  private void endStream() {
    String task = streamingTaskId;
    if (task == null) {
      return;
    }
    stopTicker();
    streamingTaskId = null;
    write(response(task, TaskResponse.Status.COMPLETED, true).build());
  }

  private void scheduleTicker(long initialDelaySeconds) {
    if (!options.autoData) {
      return;
    }
    String task = streamingTaskId;
    ticker =
        worker.scheduleAtFixedRate(
            () -> {
              if (task.equals(streamingTaskId)) {
                sendSnapshot(task, Snapshots.sample(Snapshots.nowSeconds(), cpuPercent));
              }
            },
            initialDelaySeconds,
            streamingInterval,
            TimeUnit.SECONDS);
  }

  private void stopTicker() {
    if (ticker != null) {
      ticker.cancel(false);
      ticker = null;
    }
  }

  private void sendSnapshot(String task, MetricsDataResponse data) {
    write(
        response(task, TaskResponse.Status.IN_PROGRESS, false)
            .setMetricsResponse(MetricsResponse.newBuilder().setMetricsData(data))
            .build());
    snapshotsSent.incrementAndGet();
  }

  private TaskResponse.Builder response(String task, TaskResponse.Status status, boolean last) {
    return TaskResponse.newBuilder()
        .setAgentId(agentId)
        .setTaskId(task)
        .setStatus(status)
        .setIsFinal(last);
  }

  private TaskResponse failure(String task, String reason) {
    return response(task, TaskResponse.Status.FAILURE, true)
        .setTaskCancel(TaskCancelResponse.newBuilder().setMessage(reason))
        .build();
  }

  private void write(TaskResponse response) {
    if (ended.isDone()) {
      return;
    }
    outbound.onNext(response);
    sent.add(response);
  }

  private void onWorker(Runnable action) {
    try {
      worker.execute(action);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile (the check-then-act on isShutdown raced with close): nothing to do.
    }
  }

  /** How the test agent connects and behaves. */
  public static final class Builder {
    private final String agentId;
    private int port = Integer.getInteger("grpc.port", 9090);
    private Channel channel;
    private String token = SHARED_TOKEN;
    private boolean sendId = true;
    private boolean manual;
    private boolean answerSystemInfo = true;
    private boolean autoData = true;
    private boolean refuseStreaming;
    private SystemInfoResponse systemInfo;
    private String hostname;
    private String machineId;

    private Builder(String agentId) {
      this.agentId = agentId;
      this.systemInfo = Snapshots.systemInfo(agentId + ".test");
    }

    /**
     * The gRPC port on 127.0.0.1 to connect to (default: system property {@code grpc.port}, as
     * failsafe passes the test server's, else 9090).
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Runs over {@code channel} instead of an own one; the caller shuts it down. */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /** The token to present ({@code null}: send no token metadata). */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** Sends no {@code agent_id} metadata. */
    public Builder withoutIdMetadata() {
      this.sendId = false;
      return this;
    }

    /** Records commands and answers none of them; the test answers with {@link #send}. */
    public Builder manual() {
      this.manual = true;
      return this;
    }

    /** Whether system-info requests are answered (default yes). */
    public Builder answerSystemInfo(boolean answer) {
      this.answerSystemInfo = answer;
      return this;
    }

    /** Whether a started stream sends snapshots by itself (default yes: first at once). */
    public Builder autoData(boolean autoData) {
      this.autoData = autoData;
      return this;
    }

    /** Answers every START with FAILURE/is_final, as an agent that cannot collect does. */
    public Builder refuseStreaming() {
      this.refuseStreaming = true;
      return this;
    }

    /** The system information to answer with. */
    public Builder systemInfo(SystemInfoResponse systemInfo) {
      this.systemInfo = systemInfo;
      return this;
    }

    /**
     * Presents the host as the real agent does ({@code agent_hostname}, {@code agent_machine_id}
     * metadata; {@code null} leaves one out) and answers system info with that hostname.
     */
    public Builder host(String hostname, String machineId) {
      this.hostname = hostname;
      this.machineId = machineId;
      if (hostname != null) {
        SystemInfoResponse.Builder info = systemInfo.toBuilder();
        info.getSoftwareBuilder().setHostname(hostname);
        this.systemInfo = info.build();
      }
      return this;
    }

    /** Opens the stream; the call starts at once (its headers carry the credentials). */
    public TestAgent connect() {
      return new TestAgent(this).open();
    }
  }
}
