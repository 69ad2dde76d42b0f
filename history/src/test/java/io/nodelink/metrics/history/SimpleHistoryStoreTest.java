package io.nodelink.metrics.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SimpleHistoryStoreTest {

  private final SimpleHistoryStore store = new SimpleHistoryStore();

  @Test
  void rawQueryReturnsPointsInRangeAscending() {
    store.append("a", "cpu.usage_percent", 100, 10);
    store.append("a", "cpu.usage_percent", 99, 5);
    store.append("a", "memory.usage_percent", 100, 50);
    store.append("a", "cpu.usage_percent", 200, 30);

    HistoryResult result = store.query("a", query(Set.of(), 0, 150, 0, 1000));

    assertThat(result.points()).extracting(TimePoint::timestampSeconds).containsExactly(99L, 100L);
    assertThat(result.points().get(1).values())
        .containsEntry("cpu.usage_percent", 10.0)
        .containsEntry("memory.usage_percent", 50.0);
    assertThat(result.intervalSeconds()).isZero();
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void bucketsAreAlignedToMultiplesOfTheIntervalAndAveraged() {
    store.append("a", "s", 61, 1);
    store.append("a", "s", 119, 3);
    store.append("a", "s", 120, 10);

    HistoryResult result = store.query("a", query(Set.of("s"), 0, 1000, 60, 1000));

    assertThat(result.points()).extracting(TimePoint::timestampSeconds).containsExactly(60L, 120L);
    assertThat(result.points().get(0).values()).containsEntry("s", 2.0);
    assertThat(result.intervalSeconds()).isEqualTo(60);
  }

  @Test
  void maxPointsWidensTheIntervalAndKeepsTheNewestPoint() {
    for (long t = 0; t < 1000; t++) {
      store.append("a", "s", t, t);
    }

    HistoryResult result = store.query("a", query(Set.of("s"), 0, 999, 0, 10));

    assertThat(result.points()).hasSizeLessThanOrEqualTo(10);
    assertThat(result.intervalSeconds()).isEqualTo(100);
    TimePoint newest = result.points().get(result.points().size() - 1);
    assertThat(newest.timestampSeconds()).isEqualTo(900);
    assertThat(newest.values().get("s")).isEqualTo(949.5);
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void evictionDropsOnlyOlderPoints() {
    store.append("a", "s", 10, 1);
    store.append("a", "s", 20, 2);

    assertThat(store.evictOlderThan(15)).isEqualTo(1);
    assertThat(store.valueCount()).isEqualTo(1);
    assertThat(store.seriesOf("a")).containsExactly("s");
  }

  @Test
  void bucketPlanFindsTheSmallestFittingInterval() {
    assertThat(BucketPlan.widen(0, 999, 0, 1000)).isEqualTo(1);
    assertThat(BucketPlan.widen(0, 999, 0, 999)).isEqualTo(2);
    assertThat(BucketPlan.widen(5, 5, 0, 1)).isEqualTo(1);
    assertThat(BucketPlan.bucketCount(59, 61, 60)).isEqualTo(2);
  }

  private static RangeQuery query(Set<String> series, long start, long end, long iv, int max) {
    return new RangeQuery(series, start, end, iv, max, Aggregation.AVG);
  }
}
