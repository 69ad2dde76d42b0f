package io.nodelink.metrics.testkit.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.protocol.AgentHeaders;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server's side of {@code pb.AgentService} for tests: checks the auth metadata (one id/token
 * pair, or any id), lets the test send commands to a connected agent and records what agents send.
 * As a sink for benchmarks it can send every agent a START when it connects and keep only counts
 * ({@link SinkStats}) instead of every message.
 */
public final class FakeAgentServer implements AutoCloseable {

  /** The task id of the START sent on connect. */
  public static final String START_ON_CONNECT_TASK = "sink-start";

  private static final Context.Key<String> CALLER = Context.key("agent-id");

  private final Builder options;
  private final BlockingQueue<TaskResponse> responses = new LinkedBlockingQueue<>();
  private final List<TaskResponse> received = new CopyOnWriteArrayList<>();
  private final List<String> authenticatedIds = new CopyOnWriteArrayList<>();
  private final Map<String, StreamObserver<TaskRequest>> agents = new ConcurrentHashMap<>();
  private final SinkStats stats = new SinkStats();
  private final Server server;

  private FakeAgentServer(Builder options) throws IOException {
    this.options = options;
    this.server =
        options
            .transport
            .addService(ServerInterceptors.intercept(new Service(), new Auth()))
            .build()
            .start();
  }

  /** A server on {@code transport} (in-process, or Netty on a loopback port). */
  public static Builder builder(ServerBuilder<?> transport) {
    return new Builder(transport);
  }

  /** Sends {@code request} to the connected agent {@code agentId}. */
  public void send(String agentId, TaskRequest request) {
    StreamObserver<TaskRequest> to = agents.get(agentId);
    if (to == null) {
      throw new IllegalStateException("agent " + agentId + " not connected");
    }
    sendTo(to, request);
  }

  /** The next recorded response, failing the test after 10 s. */
  public TaskResponse next() throws InterruptedException {
    TaskResponse r = responses.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no response from the agent within 10 s");
    }
    return r;
  }

  /** Skips data messages until one that is not data (an ack or a final) arrives. */
  public TaskResponse nextNonData() throws InterruptedException {
    while (true) {
      TaskResponse r = next();
      if (!r.getMetricsResponse().hasMetricsData()) {
        return r;
      }
    }
  }

  /** Every recorded response so far, in arrival order (whether or not {@link #next()} took it). */
  public List<TaskResponse> received() {
    return List.copyOf(received);
  }

  /** Whether {@code agentId} has an open stream. */
  public boolean isConnected(String agentId) {
    return agents.containsKey(agentId);
  }

  /** The agent ids accepted so far, one per accepted call, in order. */
  public List<String> authenticatedIds() {
    return List.copyOf(authenticatedIds);
  }

  /** Counts of agents and data messages (kept whether or not responses are recorded). */
  public SinkStats stats() {
    return stats;
  }

  /** The port the server listens on (for a Netty transport). */
  public int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  private static void sendTo(StreamObserver<TaskRequest> to, TaskRequest request) {
    // A server stream observer is not thread-safe; tests and the connect path may both send.
    synchronized (to) {
      to.onNext(request);
    }
  }

  /** Accepts the configured id (or any present one) with the configured token (or any). */
  private final class Auth implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String id = headers.get(AgentHeaders.AGENT_ID);
      boolean idOk =
          options.acceptId == null ? id != null && !id.isEmpty() : options.acceptId.equals(id);
      boolean tokenOk =
          options.acceptToken == null
              || options.acceptToken.equals(headers.get(AgentHeaders.AGENT_TOKEN));
      if (!idOk || !tokenOk) {
        call.close(Status.UNAUTHENTICATED.withDescription("bad agent id or token"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      authenticatedIds.add(id);
      return Contexts.interceptCall(Context.current().withValue(CALLER, id), call, headers, next);
    }
  }

  private final class Service extends AgentServiceGrpc.AgentServiceImplBase {
    @Override
    public StreamObserver<TaskResponse> streamTasks(StreamObserver<TaskRequest> toAgent) {
      String id = CALLER.get();
      agents.put(id, toAgent);
      stats.agentConnected();
      if (options.startIntervalSeconds > 0) {
        sendTo(
            toAgent,
            TaskRequests.stream(
                START_ON_CONNECT_TASK,
                MetricsStreamRequest.Action.START,
                options.startIntervalSeconds));
      }
      return new FromAgent(id, toAgent);
    }
  }

  private final class FromAgent implements StreamObserver<TaskResponse> {
    private final String id;
    private final StreamObserver<TaskRequest> toAgent;

    FromAgent(String id, StreamObserver<TaskRequest> toAgent) {
      this.id = id;
      this.toAgent = toAgent;
    }

    @Override
    public void onNext(TaskResponse response) {
      stats.received(response);
      if (options.recordResponses) {
        responses.add(response);
        received.add(response);
      }
    }

    @Override
    public void onError(Throwable t) {
      agents.remove(id, toAgent);
      stats.agentLeft();
    }

    @Override
    public void onCompleted() {
      agents.remove(id, toAgent);
      stats.agentLeft();
      toAgent.onCompleted();
    }
  }

  /** What the server accepts and does. */
  public static final class Builder {
    private final ServerBuilder<?> transport;
    private String acceptId;
    private String acceptToken;
    private int startIntervalSeconds;
    private boolean recordResponses = true;

    private Builder(ServerBuilder<?> transport) {
      this.transport = transport;
    }

    /**
     * Accepts only {@code agentId} ({@code "*"} or {@code null}: any id that is present) with
     * {@code token} ({@code null}: any token). By default any present id with any token.
     */
    public Builder accept(String agentId, String token) {
      this.acceptId = "*".equals(agentId) ? null : agentId;
      this.acceptToken = token;
      return this;
    }

    /** Sends each agent a START at {@code intervalSeconds} as soon as it connects (0 = never). */
    public Builder startStreamingOnConnect(int intervalSeconds) {
      this.startIntervalSeconds = intervalSeconds;
      return this;
    }

    /** Whether every response is kept for {@link #next()} (default yes; a sink only counts). */
    public Builder recordResponses(boolean record) {
      this.recordResponses = record;
      return this;
    }

    /** Builds and starts the server. */
    public FakeAgentServer start() throws IOException {
      return new FakeAgentServer(this);
    }
  }
}
