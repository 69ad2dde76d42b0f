package io.nodelink.metrics.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import io.nodelink.metrics.server.view.DtoMapper;
import io.nodelink.metrics.server.view.Json;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The sanitiser wired into ingestion: what the store, the history and the listener see. */
class SanitizedIngestTest {

  private static final long NOW = 1_800_000_000L;

  private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(NOW));
  private final List<SanitizeCause> reported = new CopyOnWriteArrayList<>();
  private final List<MetricsReceived> received = new CopyOnWriteArrayList<>();
  private final ServerGraph server =
      new ServerGraph(
          clock,
          false,
          new IngestListener() {
            @Override
            public void metricsReceived(MetricsReceived event) {
              received.add(event);
            }

            @Override
            public void sanitized(String agentId, SanitizeCause cause) {
              reported.add(cause);
            }
          });
  private final FakeChannel channel = new FakeChannel("hostile");

  @Test
  void infinityIsZeroInJsonAndAbsentFromTheHistory() {
    server.ingest.connected(channel);
    send(cpu(NOW - 10, 40));
    send(cpu(NOW, Double.POSITIVE_INFINITY));

    MetricsDataResponse latest = server.store.latestMetrics("hostile").orElseThrow();
    assertThat(latest.getCpu().getUsagePercent()).isZero();
    String json = Json.create().toJson(DtoMapper.snapshot("hostile", latest));
    assertThat(json).contains("\"usage_percent\":0.0").doesNotContain("Infinity", "NaN");
    HistoryResult history =
        server.history.query(
            "hostile",
            new RangeQuery(Set.of("cpu.usage_percent"), 0, NOW + 1, 0, 1000, Aggregation.AVG));
    assertThat(history.points()).hasSize(1);
    assertThat(history.points().get(0).values()).containsEntry("cpu.usage_percent", 40.0);
    assertThat(reported).containsExactly(SanitizeCause.NON_FINITE);
    assertThat(received).hasSize(2);
  }

  @Test
  void aBufferedSnapshotOlderThanTheRetentionIsDroppedWhole() {
    server.ingest.connected(channel);
    send(cpu(NOW - 7200, 10).toBuilder().setBuffered(true).build());

    assertThat(server.store.latestMetrics("hostile")).isEmpty();
    assertThat(received).isEmpty();
    assertThat(reported).containsExactly(SanitizeCause.TIMESTAMP);
  }

  private void send(MetricsDataResponse data) {
    server.ingest.received(
        channel,
        TaskResponse.newBuilder()
            .setTaskId("t")
            .setStatus(TaskResponse.Status.IN_PROGRESS)
            .setMetricsResponse(MetricsResponse.newBuilder().setMetricsData(data))
            .build());
  }

  private static MetricsDataResponse cpu(long timestamp, double percent) {
    return Snapshots.sample(timestamp).toBuilder()
        .setCpu(CpuMetrics.newBuilder().setUsagePercent(percent))
        .build();
  }
}
