package io.nodelink.metrics.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.stream.SnapshotSource;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.testkit.protocol.AgentHeaders;
import io.nodelink.metrics.testkit.protocol.TaskRequests;
import io.nodelink.metrics.testkit.server.FakeAgentServer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  @Test
  void simulatedAgentsConnectWithDistinctIdsAndStreamPlausibleData() throws Exception {
    List<String> ids = List.of("sim-0", "sim-1", "sim-2", "sim-3", "sim-4");
    String name = InProcessServerBuilder.generateName();
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
    try (FakeAgentServer server =
        FakeAgentServer.builder(InProcessServerBuilder.forName(name))
            .startStreamingOnConnect(1)
            .start()) {
      Simulator sim =
          new Simulator(
              config,
              c -> InProcessChannelBuilder.forName(name).build(),
              Clock.systemUTC(),
              (id, host) ->
                  new CountingSource(
                      host, collected.computeIfAbsent(id, k -> new AtomicInteger())));
      try {
        sim.start();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> ids.stream().allMatch(server::isConnected));
        ids.forEach(id -> server.send(id, TaskRequests.systemInfo("sys-" + id)));
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    latestByAgent(server, r -> r.getMetricsResponse().hasMetricsData()).size() == 5
                        && latestByAgent(server, r -> r.getMetricsResponse().hasSystemInfo()).size()
                            == 5);
        Map<String, TaskResponse> lastData =
            latestByAgent(server, r -> r.getMetricsResponse().hasMetricsData());
        Map<String, TaskResponse> sysInfo =
            latestByAgent(server, r -> r.getMetricsResponse().hasSystemInfo());
        assertThat(server.authenticatedIds()).containsExactlyInAnyOrderElementsOf(ids);
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
                sysInfo
                    .get("sim-2")
                    .getMetricsResponse()
                    .getSystemInfo()
                    .getSoftware()
                    .getHostname())
            .isEqualTo("sim-2");
      } finally {
        sim.close();
      }
    }
  }

  /** The latest recorded response of each agent that matches {@code filter}. */
  private static Map<String, TaskResponse> latestByAgent(
      FakeAgentServer server, Predicate<TaskResponse> filter) {
    Map<String, TaskResponse> latest = new HashMap<>();
    server.received().stream().filter(filter).forEach(r -> latest.put(r.getAgentId(), r));
    return latest;
  }

  /** A source wrapper as the server benchmark uses one: counts the snapshots it hands out. */
  private record CountingSource(SnapshotSource host, AtomicInteger count)
      implements SnapshotSource {
    @Override
    public void prime(Set<MetricGroup> groups) {
      host.prime(groups);
    }

    @Override
    public MetricsDataResponse collect(Set<MetricGroup> groups, long timestamp) {
      count.incrementAndGet();
      return host.collect(groups, timestamp);
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
  void theSendTimeFieldIsTheOneTheTestKitsSinkReads() {
    assertThat(SimulatedHost.SENT_AT_FIELD).isEqualTo(AgentHeaders.SENT_AT_FIELD);
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
