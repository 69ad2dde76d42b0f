package io.nodelink.metrics.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.config.ServerConfig.IngestQuotas;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The ingest quotas wired into ingestion: what the store and the listener see. */
class ThrottledIngestTest {

  private static final long NOW = 1_800_000_000L;

  private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(NOW));
  private final AtomicLong nanos = new AtomicLong();
  private final List<MetricsReceived> received = new CopyOnWriteArrayList<>();
  private final List<MessageThrottled> throttled = new CopyOnWriteArrayList<>();
  private final IngestListener listener =
      new IngestListener() {
        @Override
        public void metricsReceived(MetricsReceived event) {
          received.add(event);
        }

        @Override
        public void throttled(String agentId, Quota quota) {
          throttled.add(new MessageThrottled(agentId, quota));
        }
      };
  private final ServerGraph server = new ServerGraph(clock, false, listener);

  private AgentIngest ingest(IngestQuotas limits) {
    IngestGuard guard =
        new IngestGuard(IngestGuard.sanitizer(ServerConfig.defaults()), clock, listener);
    return new AgentIngest(
        server.agents,
        server.store,
        server.tasks,
        server.streaming,
        listener,
        guard,
        new IngestQuota(limits, nanos::get, listener));
  }

  @Test
  void aMessageOverQuotaIsNeitherStoredNorBroadcast() {
    AgentIngest ingest = ingest(new IngestQuotas(1, 2, 0, 1));
    FakeChannel flood = new FakeChannel("flood");
    ingest.connected(flood);

    for (int i = 0; i < 10; i++) {
      send(ingest, flood, Snapshots.sample(NOW - 10 + i, i));
    }

    assertThat(received).hasSize(2);
    assertThat(server.store.latestMetrics("flood").orElseThrow().getTimestamp()).isEqualTo(NOW - 9);
    assertThat(throttled).hasSize(8).allMatch(t -> t.agentId().equals("flood"));
  }

  @Test
  void anotherAgentIsNotAffectedByAFlood() {
    AgentIngest ingest = ingest(new IngestQuotas(1, 2, 0, 1));
    FakeChannel flood = new FakeChannel("flood");
    FakeChannel quiet = new FakeChannel("quiet");
    ingest.connected(flood);
    ingest.connected(quiet);
    for (int i = 0; i < 100; i++) {
      send(ingest, flood, Snapshots.sample(NOW, i));
    }

    send(ingest, quiet, Snapshots.sample(NOW, 7));

    assertThat(server.store.latestMetrics("quiet").orElseThrow().getCpu().getUsagePercent())
        .isEqualTo(7);
    assertThat(throttled).noneMatch(t -> t.agentId().equals("quiet"));
  }

  @Test
  void aReplayedBufferFitsTheDefaults() {
    AgentIngest ingest = ingest(ServerConfig.defaults().ingestQuotas());
    FakeChannel agent = new FakeChannel("replaying");
    ingest.connected(agent);

    for (int i = 600; i > 0; i--) {
      send(ingest, agent, Snapshots.sample(NOW - i, i).toBuilder().setBuffered(true).build());
    }

    assertThat(received).hasSize(600);
    assertThat(throttled).isEmpty();
  }

  private static void send(AgentIngest ingest, FakeChannel channel, MetricsDataResponse data) {
    ingest.received(
        channel,
        TaskResponse.newBuilder()
            .setTaskId("t")
            .setStatus(TaskResponse.Status.IN_PROGRESS)
            .setMetricsResponse(MetricsResponse.newBuilder().setMetricsData(data))
            .build());
  }
}
