package it.support;

import static org.awaitility.Awaitility.await;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An agent for tests: a real gRPC client over Netty on loopback that speaks {@code pb.AgentService}
 * per docs/wire-protocol.md (task flow), records every command it receives, and streams snapshots
 * whose values the test controls.
 *
 * <p>All sends and the stream timer run on one worker thread, so the order of messages on the wire
 * is the order in which the agent decided to send them.
 */
public final class TestAgent implements AutoCloseable {

  /** How long the await helpers wait before failing. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static final Metadata.Key<String> AGENT_ID =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> AGENT_TOKEN =
      Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER);

  private final String agentId;
  private final Builder options;
  private final ManagedChannel channel;
  private final ScheduledExecutorService worker;
  private final List<TaskRequest> received = new CopyOnWriteArrayList<>();
  private final List<TaskResponse> sent = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Status> ended = new CompletableFuture<>();
  private final AtomicLong snapshotsSent = new AtomicLong();
  private volatile ClientCallStreamObserver<TaskResponse> outbound;
  private volatile double cpuPercent = 12.5;

  // Streaming state; touched on the worker thread only (volatile for the getters).
  private volatile String streamingTaskId;
  private volatile int streamingInterval;
  private volatile List<String> streamingGroups = List.of();
  private ScheduledFuture<?> ticker;

  private TestAgent(Builder options) {
    this.agentId = options.agentId;
    this.options = options;
    this.channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", options.port, InsecureChannelCredentials.create())
            .build();
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "test-agent-" + agentId);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Connects as {@code agentId} with the shared token and default behaviour. */
  public static TestAgent connect(String agentId) {
    return builder(agentId).connect();
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
    Metadata headers = new Metadata();
    if (options.sendId) {
      headers.put(AGENT_ID, agentId);
    }
    if (options.token != null) {
      headers.put(AGENT_TOKEN, options.token);
    }
    AgentServiceGrpc.newStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
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

  /** Drops the connection abruptly (stream cancelled, channel torn down). */
  public void kill() {
    ClientCallStreamObserver<TaskResponse> stream = outbound;
    if (stream != null) {
      stream.cancel("test agent killed", null);
    }
    channel.shutdownNow();
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
    return received.stream().map(TestAgent::describe).collect(Collectors.joining(", ", "[", "]"));
  }

  /** "START(5s)#id", "STOP#id", "SYSTEM_INFO#id", "CANCEL#id", for messages. */
  public static String describe(TaskRequest request) {
    String kind;
    if (request.hasTaskCancel()) {
      kind = "CANCEL";
    } else if (TaskRequests.isSystemInfo(request)) {
      kind = "SYSTEM_INFO";
    } else if (request.getMetricsRequest().hasStreamRequest()) {
      MetricsStreamRequest stream = request.getMetricsRequest().getStreamRequest();
      kind = stream.getAction() + "(" + stream.getIntervalSeconds() + "s)";
    } else {
      kind = request.getTaskCase().toString();
    }
    return kind + "#" + request.getTaskId();
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
      onWorker(() -> handle(request));
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
      case START -> {
        int interval = request.getIntervalSeconds() == 0 ? 5 : request.getIntervalSeconds();
        if (interval > 300 || options.refuseStreaming) {
          write(failure(task, "interval out of range"));
          return;
        }
        endStream(false);
        streamingTaskId = task;
        streamingInterval = interval;
        streamingGroups = List.copyOf(request.getMetricsList());
        write(response(task, TaskResponse.Status.IN_PROGRESS, false).build());
        scheduleTicker(0);
      }
      case STOP -> {
        endStream(false);
        write(response(task, TaskResponse.Status.COMPLETED, true).build());
      }
      case UPDATE_INTERVAL -> {
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
      default -> write(failure(task, "unknown action"));
    }
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
  private void endStream(boolean cancelled) {
    String task = streamingTaskId;
    if (task == null) {
      return;
    }
    stopTicker();
    streamingTaskId = null;
    write(response(task, TaskResponse.Status.COMPLETED, true).setCancelled(cancelled).build());
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
    if (!worker.isShutdown()) {
      worker.execute(action);
    }
  }

  /** How the test agent connects and behaves. */
  public static final class Builder {
    private final String agentId;
    private int port = ItConfig.grpcPort();
    private String token = "shared-secret";
    private boolean sendId = true;
    private boolean answerSystemInfo = true;
    private boolean autoData = true;
    private boolean refuseStreaming;
    private SystemInfoResponse systemInfo;

    private Builder(String agentId) {
      this.agentId = agentId;
      this.systemInfo = Snapshots.systemInfo(agentId + ".test");
    }

    /** The gRPC port to connect to (default: the test server's). */
    public Builder port(int port) {
      this.port = port;
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

    /** Opens the stream; the call starts at once (its headers carry the credentials). */
    public TestAgent connect() {
      return new TestAgent(this).open();
    }
  }
}
