package io.nodelink.metrics.agent.tools;

import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.agent.sim.SimulatedHost;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A minimal {@code pb.AgentService} server for benchmarks and debugging: accepts every agent, sends
 * each a START at the given interval, and counts what arrives. When snapshots carry the simulator's
 * send time (field 21) it also reports the mean and maximum send-to-receipt latency. Usage: {@code
 * java -cp nodelink-agent.jar io.nodelink.metrics.agent.tools.SinkServer --port 19090 --interval
 * 1}.
 */
@Command(name = "sink", mixinStandardHelpOptions = true, description = "Test sink for agents.")
public final class SinkServer implements Callable<Integer> {
  private static final Metadata.Key<String> AGENT_ID =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);

  @Option(names = "--port", description = "Port on 127.0.0.1 (default 19090).")
  int port = 19090;

  @Option(names = "--interval", description = "Streaming interval sent in START (default 1).")
  int interval = 1;

  @Option(names = "--report", description = "Seconds between reports (default 10; 0 = none).")
  int report = 10;

  private final AtomicInteger agents = new AtomicInteger();
  private final LongAdder snapshots = new LongAdder();
  private final LongAdder latencySumMillis = new LongAdder();
  private final LongAdder latencyCount = new LongAdder();
  private final AtomicLong latencyMax = new AtomicLong();

  @Override
  public Integer call() throws Exception {
    Server server =
        io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(
                new InetSocketAddress("127.0.0.1", port), InsecureServerCredentials.create())
            .addService(ServerInterceptors.intercept(new Service(), new LogAgentId()))
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .build();
    server.start();
    System.err.printf("sink listening on port %d, START interval %d s%n", port, interval);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  printReport();
                  done.countDown();
                }));
    while (!done.await(report <= 0 ? 3600 : report, TimeUnit.SECONDS)) {
      if (report > 0) {
        printReport();
      }
    }
    return 0;
  }

  private void printReport() {
    long n = latencyCount.sum();
    System.err.printf(
        "sink: %d agents connected, %d snapshots received%s%n",
        agents.get(),
        snapshots.sum(),
        n == 0
            ? ""
            : String.format(
                ", send->receipt latency mean %.1f ms max %d ms",
                latencySumMillis.sum() / (double) n, latencyMax.get()));
  }

  /** Logs nothing but keeps the metadata contract honest: an agent without an id is refused. */
  private static final class LogAgentId implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String id = headers.get(AGENT_ID);
      if (id == null || id.isEmpty()) {
        call.close(io.grpc.Status.UNAUTHENTICATED.withDescription("agent_id missing"), headers);
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }

  private final class Service extends AgentServiceGrpc.AgentServiceImplBase {
    @Override
    public StreamObserver<TaskResponse> streamTasks(StreamObserver<TaskRequest> toAgent) {
      agents.incrementAndGet();
      toAgent.onNext(
          TaskRequest.newBuilder()
              .setTaskId("sink-start")
              .setMetricsRequest(
                  MetricsRequest.newBuilder()
                      .setStreamRequest(
                          MetricsStreamRequest.newBuilder()
                              .setAction(MetricsStreamRequest.Action.START)
                              .setIntervalSeconds(interval)))
              .build());
      return new StreamObserver<>() {
        @Override
        public void onNext(TaskResponse r) {
          if (!r.getMetricsResponse().hasMetricsData()) {
            return;
          }
          snapshots.increment();
          var sent =
              r.getMetricsResponse()
                  .getMetricsData()
                  .getUnknownFields()
                  .getField(SimulatedHost.SENT_AT_FIELD);
          if (!sent.getVarintList().isEmpty()) {
            long latency = System.currentTimeMillis() - sent.getVarintList().get(0);
            latencySumMillis.add(latency);
            latencyCount.increment();
            latencyMax.accumulateAndGet(latency, Math::max);
          }
        }

        @Override
        public void onError(Throwable t) {
          agents.decrementAndGet();
        }

        @Override
        public void onCompleted() {
          agents.decrementAndGet();
          toAgent.onCompleted();
        }
      };
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SinkServer()).execute(args));
  }
}
