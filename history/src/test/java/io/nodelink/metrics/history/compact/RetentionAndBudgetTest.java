package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.MaintenanceReport;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.TimePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetentionAndBudgetTest {

  private static final long T0 = 1_700_000_000L;
  private static final HistorySettings SETTINGS =
      HistorySettings.defaults()
          .withRawRetention(Duration.ofMinutes(10))
          .withCoarse(Duration.ofMinutes(1), Duration.ofHours(1))
          .withChunkSize(60)
          .withMemoryBudgetBytes(0);

  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger(CompactHistoryStore.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (logged) {
            logged.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
  }

  @AfterEach
  void releaseLog() {
    logger.removeHandler(capture);
    logger.setUseParentHandlers(true);
  }

  @Test
  void maintainRollsRawPastRetentionIntoBucketsAndDropsBucketsPastTheirs() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS);
    long now = T0 + 3 * 3600;
    for (long t = T0; t <= now; t++) {
      store.append("a", "cpu", t, 1.5);
      store.append("a", "mem", t, 2e9);
    }

    MaintenanceReport report = store.maintain(now);

    HistoryStats stats = store.stats();
    assertThat(stats.rawValues()).isEqualTo(2 * 601);
    assertThat(report.rolledUpValues()).isEqualTo(2 * (now - 600 - T0));
    assertThat(stats.coarseBuckets()).isBetween(2L * 50, 2L * 51);
    assertThat(report.freedBytes()).isPositive();
    assertThat(store.query("a", query(T0, now - 3700, 0)).points()).isEmpty();
    HistoryResult hour = store.query("a", query(now - 3000, now, 0));
    assertThat(hour.intervalSeconds()).isEqualTo(60);
    assertThat(hour.points()).allSatisfy(p -> assertThat(p.values()).containsEntry("cpu", 1.5));
  }

  @Test
  void maintainTenMinutesAfterTheRawRetentionRollsUpExactlyWhatAgedOut() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS);
    long now = T0 + 3 * 3600;
    for (long t = T0; t <= now; t++) {
      store.append("a", "cpu", t, 1.5);
    }

    long rolledUp =
        store.maintain(now - 600 + SETTINGS.rawRetention().toSeconds()).rolledUpValues();

    assertThat(rolledUp).isEqualTo(now - 600 - T0);
    assertThat(store.stats().rawValues()).isEqualTo(601);
    assertThat(store.stats().coarseBuckets()).isBetween(50L, 51L);
    assertThat(store.query("a", query(T0, now - 3700, 0)).points()).isEmpty();
  }

  @Test
  void seriesWithNothingLeftDisappear() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS);
    store.append("a", "gone", T0, 1);
    store.append("a", "kept", T0 + 100_000, 1);

    store.maintain(T0 + 100_000);

    assertThat(store.seriesOf("a")).containsExactly("kept");
  }

  @Test
  void budgetRollsUpOldestRawFirstThenDropsOldestCoarseAndLogs() {
    long budget = 100_000;
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS.withMemoryBudgetBytes(budget));
    long end = T0 + 8 * 3600;
    for (long t = T0; t < end; t++) {
      for (int s = 0; s < 20; s++) {
        store.append("agent" + (s % 4), "series" + s, t, (t * 31 + s) % 1000 / 10.0);
      }
    }

    assertThat(store.sizeBytes()).isLessThanOrEqualTo(budget);
    assertThat(logged).anySatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING));
    assertThat(logged)
        .as("some pass dropped coarse buckets")
        .anySatisfy(r -> assertThat(r.getParameters()[4]).isNotEqualTo("0"));
    HistoryResult newest =
        store.query(
            "agent1", new RangeQuery(Set.of("series1"), end - 10, end, 0, 100, Aggregation.AVG));
    assertThat(newest.intervalSeconds()).isZero();
    assertThat(newest.points()).extracting(TimePoint::timestampSeconds).contains(end - 1);
    List<TimePoint> minutes =
        store
            .query(
                "agent1", new RangeQuery(Set.of("series1"), T0, end, 60, 100_000, Aggregation.AVG))
            .points();
    long oldest = minutes.get(0).timestampSeconds();
    assertThat(oldest).as("the oldest data went").isGreaterThan(T0 + 60);
    assertThat(minutes)
        .as("only the oldest: every minute after the first kept one is there")
        .hasSize((int) ((end - 1) / 60 - oldest / 60 + 1));
  }

  @Test
  void aNoisyAgentLosesItsOwnOldestRawHistoryNotTheOthers() {
    long budget = 400_000;
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS.withMemoryBudgetBytes(budget));
    long end = T0 + 4 * 3600;
    for (long t = T0; t < end; t++) {
      for (int s = 0; s < 40; s++) {
        store.append("noisy", "series" + s, t, (t * 31 + s) % 1000 / 10.0);
      }
      if (t % 10 == 0) {
        store.append("quiet", "cpu", t, t % 100);
      }
    }

    assertThat(store.sizeBytes()).isLessThanOrEqualTo(budget);
    List<TimePoint> quiet =
        store
            .query("quiet", new RangeQuery(Set.of("cpu"), T0, end, 0, 100_000, Aggregation.AVG))
            .points();
    assertThat(quiet).as("every raw point of the quiet agent").hasSize((int) ((end - T0) / 10));
    HistoryResult noisy =
        store.query(
            "noisy", new RangeQuery(Set.of("series0"), T0, end, 0, 100_000, Aggregation.AVG));
    assertThat(noisy.intervalSeconds()).as("the noisy agent's oldest raw points went").isPositive();
  }

  @Test
  void theFairShareLeavesSmallAgentsAloneAndSplitsTheRest() {
    long[][] sizes = {{10, 0}, {20, 1}, {500, 2}, {900, 3}};
    assertThat(MemoryBudget.fairShare(sizes, 1000)).isEqualTo(485);
    assertThat(MemoryBudget.fairShare(sizes, 2000)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aBudgetFilledByOpenChunksIsNotRetriedOnEveryGrowth() {
    // Many series, chunks never sealed within the test: nothing can be rolled up.
    long budget = 200_000;
    CompactHistoryStore store =
        new CompactHistoryStore(SETTINGS.withChunkSize(1000).withMemoryBudgetBytes(budget));
    for (long t = T0; t < T0 + 50; t++) {
      for (int s = 0; s < 400; s++) {
        store.append("a", "s" + s, t, t * 1.37 + s);
      }
    }
    long stillOver;
    synchronized (logged) {
      stillOver = logged.stream().filter(r -> r.getMessage().startsWith("History still")).count();
    }

    assertThat(store.sizeBytes()).isGreaterThan(budget);
    assertThat(stillOver)
        .as("one futile pass, then only after growing by a tenth of the budget")
        .isBetween(1L, 1L + (store.sizeBytes() - budget) / (budget / 10));
    assertThat(store.valueCount()).isEqualTo(50L * 400);
  }

  @Test
  void budgetPassesRunOnTheGivenExecutorOneAtATime() {
    List<Runnable> submitted = new ArrayList<>();
    long budget = 5_000;
    CompactHistoryStore store =
        new CompactHistoryStore(
            SETTINGS.withChunkSize(10).withMemoryBudgetBytes(budget), submitted::add);
    for (long t = T0; t < T0 + 600; t++) {
      store.append("a", "s", t, t * 1.37);
      store.append("b", "s", t, t * 2.71);
    }
    assertThat(store.sizeBytes()).as("nothing ran on the appending thread").isGreaterThan(budget);
    assertThat(submitted).as("one pass pending, not one per growth").hasSize(1);

    submitted.get(0).run();

    assertThat(store.sizeBytes()).isLessThanOrEqualTo(budget);
    store.append("a", "s", T0 + 600, 1);
    assertThat(submitted).as("the next overflow may schedule again").hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void sizeFollowsTheChunkArraysAndRemovingAnAgentGivesItBack() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS.withChunkSize(240));
    assertThat(store.sizeBytes()).isZero();
    for (long t = T0; t < T0 + 24_000; t++) {
      store.append("a", "const", t, 0);
      store.append("b", "const", t, 0);
    }
    long perValue = store.sizeBytes() / store.valueCount();
    assertThat(perValue).isLessThan(2);

    store.removeAgent("a");
    store.removeAgent("b");

    assertThat(store.sizeBytes()).isZero();
    assertThat(store.valueCount()).isZero();
    assertThat(store.seriesOf("a")).isEmpty();
  }

  @Test
  void nanIsNotStoredAndOddDoublesComeBackExactly() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS);
    double[] values = {
      Double.NaN,
      -0.0,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      1e-310,
      0.1 + 0.2
    };
    for (int i = 0; i < values.length; i++) {
      store.append("a", "s", T0 + i, values[i]);
    }

    List<TimePoint> points = store.query("a", query(T0, T0 + 100, 0)).points();

    assertThat(points).hasSize(values.length - 1);
    for (int i = 1; i < values.length; i++) {
      assertThat(Double.doubleToRawLongBits(points.get(i - 1).values().get("s")))
          .isEqualTo(Double.doubleToRawLongBits(values[i]));
    }
  }

  @Test
  void manyLatePointsAndRewritesKeepTheLastWrite() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS.withChunkSize(16));
    for (long t = T0 + 1000; t >= T0; t--) {
      store.append("a", "s", t, t);
    }
    for (long t = T0; t <= T0 + 1000; t += 3) {
      store.append("a", "s", t, -t);
    }

    List<TimePoint> points = store.query("a", query(T0, T0 + 1000, 0)).points();
    assertThat(points).hasSize(1001);
    for (TimePoint p : points) {
      long t = p.timestampSeconds();
      assertThat(p.values().get("s")).isEqualTo((t - T0) % 3 == 0 ? -t : (double) t);
    }
    assertThat(store.stats().rawValues()).isEqualTo(1001);
  }

  @Test
  void appendAllStoresASnapshotAndSkipsNan() {
    CompactHistoryStore store = new CompactHistoryStore(SETTINGS);
    store.appendAll(
        "a",
        T0,
        io.nodelink.metrics.history.SeriesBatch.of(
            java.util.Map.of("x", 1.0, "y", Double.NaN, "z", 3.0)));

    assertThat(store.seriesOf("a")).containsExactly("x", "z");
  }

  private static RangeQuery query(long start, long end, long interval) {
    return new RangeQuery(Set.of(), start, end, interval, 100_000, Aggregation.AVG);
  }
}
