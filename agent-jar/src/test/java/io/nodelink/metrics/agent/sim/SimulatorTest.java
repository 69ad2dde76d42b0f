package io.nodelink.metrics.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.stream.SnapshotSource;
import io.nodelink.metrics.pb.AgentServiceGrpc;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  @Test
  void simulatedAgentsConnectWithDistinctIdsAndStreamPlausibleData() throws Exception {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    Map<String, TaskResponse> lastData = new ConcurrentHashMap<>();
    Map<String, TaskResponse> sysInfo = new ConcurrentHashMap<>();
    Metadata.Key<String> idKey = Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);
    io.grpc.Context.Key<String> caller = io.grpc.Context.key("id");
    ServerInterceptor auth =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata h, ServerCallHandler<Q, R> next) {
            return io.grpc.Contexts.interceptCall(
                io.grpc.Context.current().withValue(caller, h.get(idKey)), call, h, next);
          }
        };
    AgentServiceGrpc.AgentServiceImplBase service =
        new AgentServiceGrpc.AgentServiceImplBase() {
          @Override
          public StreamObserver<TaskResponse> streamTasks(StreamObserver<TaskRequest> to) {
            String id = caller.get();
            ids.add(id);
            to.onNext(
                TaskRequest.newBuilder()
                    .setTaskId("start-" + id)
                    .setMetricsRequest(
                        MetricsRequest.newBuilder()
                            .setStreamRequest(
                                MetricsStreamRequest.newBuilder().setIntervalSeconds(1)))
                    .build());
            to.onNext(
                TaskRequest.newBuilder()
                    .setTaskId("sys-" + id)
                    .setMetricsRequest(
                        MetricsRequest.newBuilder()
                            .setSystemInfo(SystemInfoRequest.getDefaultInstance()))
                    .build());
            return new StreamObserver<>() {
              @Override
              public void onNext(TaskResponse r) {
                if (r.getMetricsResponse().hasMetricsData()) {
                  lastData.put(id, r);
                } else if (r.getMetricsResponse().hasSystemInfo()) {
                  sysInfo.put(id, r);
                }
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {
                to.onCompleted();
              }
            };
          }
        };
    String name = InProcessServerBuilder.generateName();
    Server server =
        InProcessServerBuilder.forName(name)
            .addService(ServerInterceptors.intercept(service, auth))
            .build()
            .start();
    AgentConfig config =
        AgentConfig.from(
            Map.of(
                "agent.id",
                "sim",
                "agent.token",
                "shared",
                "simulate",
                "5",
                "simulate.channels",
                "2"));
    Map<String, AtomicInteger> collected = new ConcurrentHashMap<>();
    Simulator sim =
        new Simulator(
            config,
            c -> InProcessChannelBuilder.forName(name).build(),
            Clock.systemUTC(),
            (id, host) ->
                new CountingSource(host, collected.computeIfAbsent(id, k -> new AtomicInteger())));
    try {
      sim.start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> lastData.size() == 5 && sysInfo.size() == 5);
      assertThat(ids).containsExactlyInAnyOrder("sim-0", "sim-1", "sim-2", "sim-3", "sim-4");
      assertThat(sim.streamingCount()).isEqualTo(5);
      assertThat(sim.connectCount()).isEqualTo(5);
      assertThat(collected).hasSize(5).allSatisfy((id, n) -> assertThat(n.get()).isPositive());
      MetricsDataResponse m = lastData.get("sim-3").getMetricsResponse().getMetricsData();
      assertThat(m.getCpu().getUsagePercent()).isBetween(0.0, 100.0);
      assertThat(m.getDisksCount()).isEqualTo(2);
      assertThat(m.getNetworkInterfacesCount()).isEqualTo(2);
      assertThat(m.getUnknownFields().getField(SimulatedHost.SENT_AT_FIELD).getVarintList())
          .singleElement()
          .satisfies(ms -> assertThat(ms / 1000).isEqualTo(m.getTimestamp()));
      assertThat(
              sysInfo.get("sim-2").getMetricsResponse().getSystemInfo().getSoftware().getHostname())
          .isEqualTo("sim-2");
    } finally {
      sim.close();
      server.shutdownNow();
    }
  }

  /** A source wrapper as the server benchmark uses one: counts the snapshots it hands out. */
  private record CountingSource(SnapshotSource host, AtomicInteger count)
      implements SnapshotSource {
    @Override
    public void prime(Set<MetricGroup> groups) {
      host.prime(groups);
    }

    @Override
    public MetricsDataResponse collect(Set<MetricGroup> groups) {
      count.incrementAndGet();
      return host.collect(groups);
    }

    @Override
    public SystemInfoResponse systemInfo(SystemInfoRequest request) {
      return host.systemInfo(request);
    }

    @Override
    public long firstSampleDelayMillis() {
      return host.firstSampleDelayMillis();
    }
  }

  @Test
  void valuesWanderWithinPlausibleBounds() {
    SimulatedHost host = new SimulatedHost("h", 1, Clock.systemUTC());
    double previous = -1;
    boolean changed = false;
    for (int i = 0; i < 500; i++) {
      MetricsDataResponse m = host.collect(EnumSet.allOf(MetricGroup.class));
      double cpu = m.getCpu().getUsagePercent();
      assertThat(cpu).isBetween(0.0, 100.0);
      assertThat(m.getMemory().getUsedBytes()).isLessThanOrEqualTo(m.getMemory().getTotalBytes());
      assertThat(m.getDisks(0).getUsedBytes()).isLessThanOrEqualTo(m.getDisks(0).getTotalBytes());
      changed |= previous >= 0 && cpu != previous;
      previous = cpu;
    }
    assertThat(changed).isTrue();
    assertThat(host.collect(EnumSet.of(MetricGroup.CPU)).hasMemory()).isFalse();
  }
}
