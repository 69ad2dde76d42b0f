package io.nodelink.metrics.server.testing;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.CollectionStats;
import io.nodelink.metrics.pb.CpuInfo;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.OperatingSystem;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.SystemHardware;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import io.nodelink.metrics.pb.TaskCancelResponse;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake agent per docs/wire-protocol.md (task flow): answers system info, START (ack, a snapshot
 * at once, then one per interval), UPDATE_INTERVAL, STOP and cancel. Every command it receives is
 * recorded for assertions. Usable against an in-process channel (unit tests) or a real server:
 * {@code main(host, port, agentId, token)} runs until killed.
 */
public final class TestAgent implements AutoCloseable {

  private final String agentId;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<TaskRequest> received = new LinkedBlockingQueue<>();
  private final List<TaskRequest> history = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Status> ended = new CompletableFuture<>();
  private final AtomicLong snapshotsSent = new AtomicLong();
  // Set in beforeStart, before the server's first command can arrive.
  private volatile ClientCallStreamObserver<TaskResponse> toServer;
  private final boolean autoRespond;
  private ScheduledFuture<?> stream;
  private String streamTaskId;

  private TestAgent(Channel channel, String agentId, String token, boolean autoRespond) {
    this.agentId = agentId;
    this.autoRespond = autoRespond;
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER), agentId);
    headers.put(Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER), token);
    Channel authed =
        ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    AgentServiceGrpc.newStub(authed).streamTasks(new FromServer());
  }

  /** Opens the agent's stream on {@code channel}; it answers commands like a real agent. */
  public static TestAgent connect(Channel channel, String agentId, String token) {
    return new TestAgent(channel, agentId, token, true);
  }

  /** Opens a stream that only records commands; the test answers them with {@link #send}. */
  public static TestAgent connectManual(Channel channel, String agentId, String token) {
    return new TestAgent(channel, agentId, token, false);
  }

  /**
   * Runs agents against a real server until their streams end or the process is killed. Args:
   * {@code host port agentId token [count]}; with a count, ids are {@code <agentId>-<i>} sharing
   * the token (use a {@code *:token} entry on the server), like the agent's {@code --simulate}.
   */
  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9090;
    String id = args.length > 2 ? args[2] : "agent1";
    String token = args.length > 3 ? args[3] : "token1";
    int count = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
    List<TestAgent> agents = new ArrayList<>();
    try {
      if (count == 0) {
        agents.add(connect(channel, id, token));
      }
      for (int i = 1; i <= count; i++) {
        agents.add(connect(channel, id + "-" + i, token));
      }
      for (TestAgent agent : agents) {
        System.out.println(agent.agentId + " stream ended: " + agent.ended().get());
      }
    } finally {
      agents.forEach(TestAgent::close);
      channel.shutdownNow();
    }
  }

  /** The next command from the server, or null after the timeout. */
  public TaskRequest nextCommand(long timeout, TimeUnit unit) throws InterruptedException {
    return received.poll(timeout, unit);
  }

  /** Every command received so far, in order. */
  public List<TaskRequest> commands() {
    return List.copyOf(history);
  }

  /** Completes with the status the stream ended with. */
  public CompletableFuture<Status> ended() {
    return ended;
  }

  public long snapshotsSent() {
    return snapshotsSent.get();
  }

  /** Sends any response (for tests that script the agent by hand). */
  public synchronized void send(TaskResponse response) {
    toServer.onNext(response);
  }

  /** Sends one snapshot for {@code taskId} now. */
  public void sendSnapshot(String taskId) {
    send(
        TaskResponse.newBuilder()
            .setAgentId(agentId)
            .setTaskId(taskId)
            .setStatus(TaskResponse.Status.IN_PROGRESS)
            .setMetricsResponse(
                MetricsResponse.newBuilder()
                    .setMetricsData(sampleSnapshot(Instant.now().getEpochSecond())))
            .build());
    snapshotsSent.incrementAndGet();
  }

  @Override
  public void close() {
    synchronized (this) {
      try {
        toServer.onCompleted();
      } catch (RuntimeException ignored) {
        // Already ended.
      }
    }
    timer.shutdownNow();
  }

  /** A full snapshot with recognisable values, including a 64-bit byte count. */
  public static MetricsDataResponse sampleSnapshot(long timestamp) {
    return MetricsDataResponse.newBuilder()
        .setTimestamp(timestamp)
        .setCpu(
            CpuMetrics.newBuilder()
                .setUsagePercent(12.5)
                .addCoreUsage(10)
                .addCoreUsage(15)
                .setUserPercent(8)
                .setSystemPercent(4.5)
                .setIdlePercent(87.5))
        .setMemory(
            MemoryMetrics.newBuilder()
                .setTotalBytes(16L << 30)
                .setUsedBytes(4L << 30)
                .setAvailableBytes(12L << 30)
                .setUsagePercent(25))
        .addDisks(
            DiskMetrics.newBuilder()
                .setDevice("/dev/sda1")
                .setMountPoint("/")
                .setTotalBytes(1L << 40)
                .setUsedBytes(1L << 39)
                .setUsagePercent(50)
                .setReadBytesPerSec(1000))
        .addNetworkInterfaces(
            NetworkMetrics.newBuilder()
                .setInterface("eth0")
                .setBytesRecvPerSec(2000)
                .setBytesSentPerSec(500))
        .setProcesses(ProcessMetrics.newBuilder().setTotalProcesses(200).setRunningProcesses(2))
        .setLoad(LoadMetrics.newBuilder().setLoad1(0.5).setLoad5(0.4).setLoad15(0.3))
        .setCollection(CollectionStats.newBuilder().setDurationMs(3.5))
        .build();
  }

  /** System information as an agent on a small Linux host would report it. */
  public static SystemInfoResponse sampleSystemInfo() {
    return SystemInfoResponse.newBuilder()
        .setTimestamp(Instant.now().getEpochSecond())
        .setHardware(
            SystemHardware.newBuilder()
                .setArchitecture("amd64")
                .setCoreCount(2)
                .setThreadCount(2)
                .setCpu(CpuInfo.newBuilder().setModel("Test CPU").setCores(2).setThreads(2)))
        .setSoftware(
            SystemSoftware.newBuilder()
                .setHostname("test-host")
                .setOs(OperatingSystem.newBuilder().setName("Linux").setVersion("6.1")))
        .build();
  }

  private void respond(TaskRequest command) {
    if (command.hasTaskCancel()) {
      cancel(command.getTaskId());
      return;
    }
    if (!command.hasMetricsRequest()) {
      finish(command.getTaskId(), TaskResponse.Status.FAILURE);
      return;
    }
    var request = command.getMetricsRequest();
    if (request.hasSystemInfo()) {
      send(
          TaskResponse.newBuilder()
              .setAgentId(agentId)
              .setTaskId(command.getTaskId())
              .setStatus(TaskResponse.Status.COMPLETED)
              .setIsFinal(true)
              .setMetricsResponse(MetricsResponse.newBuilder().setSystemInfo(sampleSystemInfo()))
              .build());
    } else if (request.hasStreamRequest()) {
      stream(command.getTaskId(), request.getStreamRequest());
    } else {
      finish(command.getTaskId(), TaskResponse.Status.FAILURE);
    }
  }

  private synchronized void stream(String taskId, MetricsStreamRequest request) {
    int interval = request.getIntervalSeconds() == 0 ? 5 : request.getIntervalSeconds();
    switch (request.getAction()) {
      case START -> {
        stopStream();
        streamTaskId = taskId;
        send(ack(taskId, TaskResponse.Status.IN_PROGRESS, false));
        schedule(interval, 0);
      }
      case UPDATE_INTERVAL -> {
        if (streamTaskId != null) {
          String running = streamTaskId;
          stream.cancel(false);
          streamTaskId = running;
          schedule(interval, interval);
        }
        finish(taskId, TaskResponse.Status.COMPLETED);
      }
      case STOP -> {
        stopStream();
        finish(taskId, TaskResponse.Status.COMPLETED);
      }
      default -> finish(taskId, TaskResponse.Status.FAILURE);
    }
  }

  private void schedule(int interval, int initialDelay) {
    String taskId = streamTaskId;
    stream =
        timer.scheduleAtFixedRate(
            () -> sendSnapshot(taskId), initialDelay, interval, TimeUnit.SECONDS);
  }

  private synchronized void stopStream() {
    if (stream != null) {
      stream.cancel(false);
      stream = null;
    }
    if (streamTaskId != null) {
      finish(streamTaskId, TaskResponse.Status.COMPLETED);
      streamTaskId = null;
    }
  }

  private synchronized void cancel(String taskId) {
    if (taskId.equals(streamTaskId)) {
      stream.cancel(false);
      stream = null;
      streamTaskId = null;
      send(
          TaskResponse.newBuilder()
              .setAgentId(agentId)
              .setTaskId(taskId)
              .setStatus(TaskResponse.Status.COMPLETED)
              .setIsFinal(true)
              .setCancelled(true)
              .setTaskCancel(TaskCancelResponse.newBuilder().setMessage("stream cancelled"))
              .build());
    } else {
      finish(taskId, TaskResponse.Status.FAILURE);
    }
  }

  private void finish(String taskId, TaskResponse.Status status) {
    send(ack(taskId, status, true));
  }

  private TaskResponse ack(String taskId, TaskResponse.Status status, boolean isFinal) {
    return TaskResponse.newBuilder()
        .setAgentId(agentId)
        .setTaskId(taskId)
        .setStatus(status)
        .setIsFinal(isFinal)
        .build();
  }

  /** The server's side of the stream. */
  private final class FromServer implements ClientResponseObserver<TaskResponse, TaskRequest> {
    @Override
    public void beforeStart(ClientCallStreamObserver<TaskResponse> requests) {
      toServer = requests;
    }

    @Override
    public void onNext(TaskRequest command) {
      history.add(command);
      received.add(command);
      if (autoRespond) {
        respond(command);
      }
    }

    @Override
    public void onError(Throwable t) {
      timer.shutdownNow();
      ended.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      timer.shutdownNow();
      ended.complete(Status.OK);
    }
  }
}
