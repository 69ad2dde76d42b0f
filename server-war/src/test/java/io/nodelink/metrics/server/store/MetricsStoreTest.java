package io.nodelink.metrics.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsStoreTest {

  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(5000), ZoneOffset.UTC);
  private final SimpleHistoryStore history = new SimpleHistoryStore();
  private final MetricsStore store = new MetricsStore(history, 2000, clock);

  @Test
  void latestSnapshotAndSystemInfoAreKeptPerAgent() {
    store.putMetrics("a", Snapshots.sample(100));
    store.putMetrics("a", Snapshots.sample(101));
    store.putSystemInfo("b", Snapshots.systemInfo("test-host"));

    assertThat(store.latestMetrics("a")).map(MetricsDataResponse::getTimestamp).contains(101L);
    assertThat(store.latestMetrics("b")).isEmpty();
    assertThat(store.systemInfo("b")).isPresent();
    assertThat(store.systemInfo("a")).isEmpty();
  }

  @Test
  void snapshotsFeedTheHistoryAtTheirTimestamp() {
    store.putMetrics("a", cpu(100, 10));
    store.putMetrics("a", cpu(110, 30));

    HistoryResult result =
        history.query(
            "a", new RangeQuery(Set.of("cpu.usage_percent"), 0, 200, 60, 1000, Aggregation.MAX));

    assertThat(result.points()).hasSize(1);
    assertThat(result.points().get(0).timestampSeconds()).isEqualTo(60);
    assertThat(result.points().get(0).values()).containsEntry("cpu.usage_percent", 30.0);
    assertThat(history.seriesOf("a")).contains("cpu.usage_percent", "cpu.idle_percent");
  }

  @Test
  void aBufferedSnapshotBecomesTheLatestOnlyIfNewerButAlwaysFeedsTheHistory() {
    store.putMetrics("a", cpu(200, 50));
    store.putMetrics("a", buffered(cpu(150, 10)));

    assertThat(store.latestMetrics("a")).map(MetricsDataResponse::getTimestamp).contains(200L);
    HistoryResult result =
        history.query(
            "a", new RangeQuery(Set.of("cpu.usage_percent"), 0, 300, 0, 1000, Aggregation.AVG));
    assertThat(result.points()).extracting(p -> p.timestampSeconds()).containsExactly(150L, 200L);

    store.putMetrics("a", buffered(cpu(250, 20)));
    assertThat(store.latestMetrics("a")).map(MetricsDataResponse::getTimestamp).contains(250L);
    store.putMetrics("a", cpu(240, 30)); // a live snapshot is the latest whatever its time
    assertThat(store.latestMetrics("a")).map(MetricsDataResponse::getTimestamp).contains(240L);
  }

  @Test
  void aBufferedSnapshotOfAnAgentWithNoLatestYetBecomesIt() {
    store.putMetrics("b", buffered(cpu(150, 10)));

    assertThat(store.latestMetrics("b")).map(MetricsDataResponse::getTimestamp).contains(150L);
  }

  @Test
  void aSnapshotWithoutTimestampIsStampedWithTheServerClock() {
    MetricsDataResponse stored = store.putMetrics("a", cpu(0, 1));

    assertThat(stored.getTimestamp()).isEqualTo(5000);
    assertThat(store.latestMetrics("a")).map(MetricsDataResponse::getTimestamp).contains(5000L);
  }

  @Test
  void seriesBeyondThePerAgentLimitAreNotRecorded() {
    SimpleHistoryStore limitedHistory = new SimpleHistoryStore();
    MetricsStore limited = new MetricsStore(limitedHistory, 3, clock);

    limited.putMetrics("a", cpu(100, 1));

    assertThat(limitedHistory.seriesOf("a")).hasSize(3);
    assertThat(limited.latestMetrics("a")).isPresent();
  }

  @Test
  void theAdmittedSeriesKeepBeingRecordedAndNewOnesStayOutOnceTheLimitIsReached() {
    SimpleHistoryStore limitedHistory = new SimpleHistoryStore();
    MetricsStore limited = new MetricsStore(limitedHistory, 8, clock);
    limited.putMetrics("a", cpu(100, 1));
    limited.putMetrics("a", cpu(101, 2));

    limited.putMetrics("a", Snapshots.sample(102));
    limited.putMetrics("a", Snapshots.sample(103));

    assertThat(limitedHistory.seriesOf("a")).hasSize(8).contains("cpu.usage_percent");
    HistoryResult cpuHistory =
        limitedHistory.query(
            "a", new RangeQuery(Set.of("cpu.usage_percent"), 100, 103, 0, 100, Aggregation.AVG));
    assertThat(cpuHistory.points()).hasSize(4);
  }

  @Test
  void forgettingAnAgentDropsItsLatestDataAndHistory() {
    store.putMetrics("a", Snapshots.sample(100));
    store.putSystemInfo("a", Snapshots.systemInfo("test-host"));

    store.onAgentForgotten(new AgentForgotten("a"));

    assertThat(store.latestMetrics("a")).isEmpty();
    assertThat(store.systemInfo("a")).isEmpty();
    assertThat(history.seriesOf("a")).isEmpty();
    assertThat(history.valueCount()).isZero();
  }

  private static MetricsDataResponse buffered(MetricsDataResponse data) {
    return data.toBuilder().setBuffered(true).build();
  }

  private static MetricsDataResponse cpu(long timestamp, double usage) {
    return MetricsDataResponse.newBuilder()
        .setTimestamp(timestamp)
        .setCpu(CpuMetrics.newBuilder().setUsagePercent(usage))
        .build();
  }
}
