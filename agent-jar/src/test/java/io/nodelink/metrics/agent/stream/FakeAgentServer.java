package io.nodelink.metrics.agent.stream;

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
import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.TaskCancel;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server that keeps the contract's side of {@code pb.AgentService} for tests: checks the auth
 * metadata against one id/token pair ({@code *} accepts any id), records every response and lets
 * the test send requests to the connected agent.
 */
final class FakeAgentServer implements AutoCloseable {
  static final Metadata.Key<String> ID =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> TOKEN =
      Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER);

  final BlockingQueue<TaskResponse> responses = new LinkedBlockingQueue<>();
  final List<String> authenticatedIds = new CopyOnWriteArrayList<>();
  final Map<String, StreamObserver<TaskRequest>> agents = new ConcurrentHashMap<>();
  private final Server server;

  FakeAgentServer(ServerBuilder<?> builder, String acceptId, String acceptToken)
      throws IOException {
    ServerInterceptor auth =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String id = headers.get(ID);
            boolean idOk = acceptId.equals("*") ? id != null : acceptId.equals(id);
            if (!idOk || !acceptToken.equals(headers.get(TOKEN))) {
              call.close(
                  Status.UNAUTHENTICATED.withDescription("bad agent id or token"), new Metadata());
              return new ServerCall.Listener<>() {};
            }
            authenticatedIds.add(id);
            io.grpc.Context ctx = io.grpc.Context.current().withValue(CALLER, id);
            return io.grpc.Contexts.interceptCall(ctx, call, headers, next);
          }
        };
    server = builder.addService(ServerInterceptors.intercept(new Service(), auth)).build().start();
  }

  private static final io.grpc.Context.Key<String> CALLER = io.grpc.Context.key("caller");

  private final class Service extends AgentServiceGrpc.AgentServiceImplBase {
    @Override
    public StreamObserver<TaskResponse> streamTasks(StreamObserver<TaskRequest> toAgent) {
      String id = CALLER.get();
      agents.put(id, toAgent);
      return new StreamObserver<>() {
        @Override
        public void onNext(TaskResponse r) {
          responses.add(r);
        }

        @Override
        public void onError(Throwable t) {
          agents.remove(id, toAgent);
        }

        @Override
        public void onCompleted() {
          agents.remove(id, toAgent);
          toAgent.onCompleted();
        }
      };
    }
  }

  void send(String agentId, TaskRequest request) {
    StreamObserver<TaskRequest> to = agents.get(agentId);
    if (to == null) {
      throw new IllegalStateException("agent " + agentId + " not connected");
    }
    synchronized (to) {
      to.onNext(request);
    }
  }

  /** The next response, failing the test after 10 s. */
  TaskResponse next() throws InterruptedException {
    TaskResponse r = responses.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no response from the agent within 10 s");
    }
    return r;
  }

  /** Skips data messages until one that is not data (an ack or a final) arrives. */
  TaskResponse nextNonData() throws InterruptedException {
    while (true) {
      TaskResponse r = next();
      if (!r.getMetricsResponse().hasMetricsData()) {
        return r;
      }
    }
  }

  static TaskRequest stream(
      String taskId, MetricsStreamRequest.Action action, int interval, String... groups) {
    return TaskRequest.newBuilder()
        .setTaskId(taskId)
        .setMetricsRequest(
            MetricsRequest.newBuilder()
                .setStreamRequest(
                    MetricsStreamRequest.newBuilder()
                        .setAction(action)
                        .setIntervalSeconds(interval)
                        .addAllMetrics(List.of(groups))))
        .build();
  }

  static TaskRequest systemInfo(String taskId) {
    return TaskRequest.newBuilder()
        .setTaskId(taskId)
        .setMetricsRequest(
            MetricsRequest.newBuilder().setSystemInfo(SystemInfoRequest.getDefaultInstance()))
        .build();
  }

  static TaskRequest cancel(String taskId, String reason) {
    return TaskRequest.newBuilder()
        .setTaskId(taskId)
        .setTaskCancel(TaskCancel.newBuilder().setReason(reason))
        .build();
  }

  int port() {
    return ((java.net.InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
