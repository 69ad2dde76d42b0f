package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Queries that reach past the raw retention: answered from coarse buckets plus the newer raw
 * points, compared with a direct computation over the same points.
 */
class TieredQueryTest {

  private static final long T0 = 1_700_000_000L;
  private static final HistorySettings SETTINGS =
      HistorySettings.defaults()
          .withRawRetention(Duration.ofMinutes(10))
          .withCoarse(Duration.ofMinutes(1), Duration.ofHours(1))
          .withMemoryBudgetBytes(0);

  @ParameterizedTest
  @ValueSource(ints = {8, 64, 240})
  void coarseAndRawTiersTogetherMatchTheReference(int chunkSize) {
    int coarseAnswers = 0;
    int checks = 0;
    for (long seed = 0; seed < 12; seed++) {
      RandomHistory random = new RandomHistory(seed * 7 + chunkSize, false);
      CompactHistoryStore store = new CompactHistoryStore(SETTINGS.withChunkSize(chunkSize));
      TieredReference reference = new TieredReference(60);
      long now = T0;
      for (int round = 0; round < 4; round++) {
        for (RandomHistory.Append a : random.appends(now, 1500)) {
          if (a.agent().equals("agent0")) {
            store.append("a", a.series(), a.timestamp(), a.value());
            reference.append(a.series(), a.timestamp(), a.value());
            now = Math.max(now, a.timestamp());
          }
        }
        store.maintain(now);
        reference.maintain(now - 600, now - 3600);
        assertThat(store.stats().rawValues()).isEqualTo(reference.rawCount());
        for (int i = 0; i < 30; i++) {
          RangeQuery query = random.query(store.seriesOf("a"), now - 5000, now);
          coarseAnswers += check(seed, store, reference, query) ? 1 : 0;
          checks++;
        }
      }
    }
    // Guard against a vacuous run: most random ranges must reach the coarse tier.
    assertThat(coarseAnswers).isGreaterThan(checks / 3).isLessThan(checks);
  }

  @Test
  void theNewestRawPointsStayInALongRangeAnswer() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS);
    for (long t = T0; t < T0 + 3 * 3600; t++) {
      store.append("a", "cpu", t, t % 100);
    }
    long now = T0 + 3 * 3600 - 1;
    store.maintain(now);
    HistoryResult result =
        store.query("a", new RangeQuery(Set.of(), now - 3600, now, 0, 300, Aggregation.LAST));

    assertThat(result.intervalSeconds()).isEqualTo(60);
    assertThat(result.points()).hasSizeLessThanOrEqualTo(300);
    var newest = result.points().get(result.points().size() - 1);
    assertThat(newest.timestampSeconds()).isEqualTo(Math.floorDiv(now, 60) * 60);
    assertThat(newest.values().get("cpu")).isEqualTo((double) (now % 100));
  }

  @Test
  void coarseBucketsKeepCountAndSumSoWideAveragesAreExact() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS);
    for (long t = T0; t < T0 + 1800; t++) {
      store.append("a", "s", t, (t % 7 == 0) ? 70 : 1);
    }
    store.maintain(T0 + 1800 + 600);
    assertThat(store.stats().rawValues()).isZero();
    long start = T0 - Math.floorMod(T0, 600);
    HistoryResult result =
        store.query("a", new RangeQuery(Set.of("s"), start, T0 + 1800, 600, 10, Aggregation.AVG));
    double sum = 0;
    int n = 0;
    for (long t = T0; t < start + 600; t++) {
      sum += (t % 7 == 0) ? 70 : 1;
      n++;
    }
    assertThat(result.points().get(0).values().get("s")).isCloseTo(sum / n, within(1e-9));
  }

  /** Checks one query; true if it was answered from the coarse tier. */
  private static boolean check(
      long seed, CompactHistoryStore store, TieredReference reference, RangeQuery query) {
    HistoryResult actual = store.query("a", query);
    String what = "seed " + seed + " " + query;
    if (!reference.usesCoarse(query)) {
      assertThat(actual).as(what).isEqualTo(reference.rawAnswer(query));
      return false;
    }
    long interval = reference.coarseInterval(query);
    assertThat(actual.intervalSeconds()).as(what).isEqualTo(interval);
    assertThat(actual.points()).as(what).hasSizeLessThanOrEqualTo(query.maxPoints());
    TreeMap<Long, Map<String, double[]>> expected = reference.coarseAnswer(query, interval);
    Map<Long, Map<String, Double>> got = TieredReference.byTime(actual.points());
    assertThat(got.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (bucket, bySeries) -> {
          assertThat(got.get(bucket).keySet()).as(what).isEqualTo(bySeries.keySet());
          bySeries.forEach(
              (name, acc) -> {
                double want = TieredReference.value(acc, query.aggregation());
                double have = got.get(bucket).get(name);
                if (query.aggregation() == Aggregation.AVG) {
                  assertThat(have).as(what).isCloseTo(want, within(1e-9 * (1 + Math.abs(want))));
                } else {
                  assertThat(have).as(what + " " + name + " @" + bucket).isEqualTo(want);
                }
              });
        });
    return true;
  }
}
