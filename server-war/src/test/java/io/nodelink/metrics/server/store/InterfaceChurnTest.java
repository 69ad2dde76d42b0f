package io.nodelink.metrics.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Kubernetes node over 2.3 days: its pods' interfaces come and go ({@code veth0} ... {@code
 * veth9999}, 10,000 names, 40 alive at a time, 3 new a minute), then it gets a new disk. With the
 * per-agent series limit far below what the churn adds up to, every new interface and the disk are
 * still recorded, and what the store keeps per agent stays bounded.
 */
class InterfaceChurnTest {

  private static final long START = 1_800_000_000L;
  private static final Duration RETENTION = Duration.ofMinutes(30);
  private static final int LIMIT = 2000;
  private static final int NAMES = 10_000;
  private static final int ALIVE = 40;
  private static final int NEW_PER_MINUTE = 3;
  private static final int SNAPSHOT_SECONDS = 60;

  private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(START));
  private final CompactHistoryStore history =
      new CompactHistoryStore(
          new HistorySettings(RETENTION, Duration.ofMinutes(1), Duration.ofHours(1), 600, 0));
  private final MetricsStore store =
      new MetricsStore(history, LIMIT, RETENTION, clock, SystemInfoRepository.NONE);

  @Test
  void newInterfacesAndDisksKeepBeingRecordedThroughTenThousandInterfaceNames() {
    int maxSeriesCount = 0;
    int maxHistorySeries = 0;
    int newest = 0;
    int minutes = 0;
    while (newest < NAMES) {
      String newestSent = "network.veth" + (newest - 1) + ".";
      for (int second = 0; second < 60; second += SNAPSHOT_SECONDS) {
        store.putMetrics("node", snapshot(newest, null));
        clock.advanceSeconds(SNAPSHOT_SECONDS);
      }
      newest = Math.min(NAMES, newest + NEW_PER_MINUTE);
      maxSeriesCount = Math.max(maxSeriesCount, store.seriesCount("node"));
      if (++minutes % 10 == 0) {
        history.maintain(clock.instant().getEpochSecond());
        Set<String> series = history.seriesOf("node");
        maxHistorySeries = Math.max(maxHistorySeries, series.size());
        assertThat(series)
            .as("the newest interface sent, %s", newestSent)
            .anyMatch(s -> s.startsWith(newestSent));
      }
    }
    store.putMetrics("node", snapshot(newest, "nvme9n1"));

    assertThat(history.seriesOf("node")).anyMatch(s -> s.startsWith("disk.nvme9n1."));
    assertThat(maxSeriesCount).as("series counted against the limit").isLessThan(LIMIT);
    int perInterface = seriesPerInterface();
    int recentNames = ALIVE + (int) (RETENTION.toMinutes() + 2) * NEW_PER_MINUTE;
    assertThat(maxSeriesCount)
        .as("only what was seen within the retention")
        .isLessThanOrEqualTo(recentNames * perInterface + 100);
    assertThat(maxHistorySeries).as("series in the history").isLessThan(NAMES);
  }

  /** The node's snapshot: the sample's groups plus the {@link #ALIVE} newest interfaces. */
  private MetricsDataResponse snapshot(int newest, String extraDisk) {
    MetricsDataResponse.Builder data =
        Snapshots.sample(clock.instant().getEpochSecond()).toBuilder();
    for (int i = Math.max(0, newest - ALIVE); i < newest; i++) {
      data.addNetworkInterfaces(
          NetworkMetrics.newBuilder().setInterface("veth" + i).setBytesSentPerSec(i));
    }
    if (extraDisk != null) {
      data.addDisks(DiskMetrics.newBuilder().setDevice(extraDisk).setUsagePercent(1));
    }
    return data.build();
  }

  private static int seriesPerInterface() {
    MetricsDataResponse one =
        MetricsDataResponse.newBuilder()
            .setTimestamp(START)
            .addNetworkInterfaces(NetworkMetrics.newBuilder().setInterface("x"))
            .build();
    return new SeriesExtractor().extract(one).size();
  }
}
