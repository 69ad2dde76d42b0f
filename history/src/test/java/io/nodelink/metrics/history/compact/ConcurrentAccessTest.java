package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.TimePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Writers append (with late rewrites of the same value) to shared and own series while readers
 * query and a maintenance thread rolls old points up; no query may throw or see a value that was
 * never written, and in the end every point is either raw or rolled up exactly once.
 */
class ConcurrentAccessTest {

  private static final int WRITERS = 4;
  private static final int SERIES_PER_WRITER = 3;
  private static final int POINTS = 15_000;

  @Test
  void appendsQueriesAndMaintenanceRunTogether() throws Exception {
    CompactHistoryStore store =
        new CompactHistoryStore(
            HistorySettings.defaults().withChunkSize(16).withMemoryBudgetBytes(0));
    AtomicLongArray progress = new AtomicLongArray(WRITERS);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 3);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> write(store, writer, progress)));
      }
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        long seed = r;
        readers.add(pool.submit(() -> read(store, writing, seed)));
      }
      Future<Long> maintenance = pool.submit(() -> evictBehind(store, writing, progress));
      for (Future<?> f : writers) {
        f.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<Long> f : readers) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
      long rolledUp = maintenance.get(60, TimeUnit.SECONDS);

      HistoryStats stats = store.stats();
      assertThat(stats.rawValues() + rolledUp)
          .isEqualTo((long) WRITERS * SERIES_PER_WRITER * POINTS);
      assertThat(store.seriesOf("shared")).hasSize(WRITERS * (SERIES_PER_WRITER - 1));
      assertThat(rolledUp).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void write(CompactHistoryStore store, int writer, AtomicLongArray progress) {
    Random random = new Random(writer);
    for (long t = 0; t < POINTS; t++) {
      for (int s = 0; s < SERIES_PER_WRITER; s++) {
        String agent = s == 0 ? "own" + writer : "shared";
        String series = "w" + writer + ".s" + s;
        store.append(agent, series, t, value(series, t));
        if (random.nextInt(20) == 0 && t >= 5) {
          long late = t - 1 - random.nextInt(5);
          store.append(agent, series, late, value(series, late));
        }
      }
      progress.set(writer, t);
    }
  }

  private static long read(CompactHistoryStore store, AtomicBoolean writing, long seed) {
    Random random = new Random(seed);
    long checked = 0;
    while (writing.get() || checked < 50) {
      String agent = random.nextBoolean() ? "shared" : "own" + random.nextInt(WRITERS);
      long start = random.nextInt(POINTS);
      long end = start + random.nextInt(2000);
      long interval = random.nextBoolean() ? 0 : 10;
      HistoryResult result =
          store.query(agent, new RangeQuery(Set.of(), start, end, interval, 5000, Aggregation.MAX));
      long previous = Long.MIN_VALUE;
      for (TimePoint p : result.points()) {
        assertThat(p.timestampSeconds()).isGreaterThan(previous);
        previous = p.timestampSeconds();
        if (result.intervalSeconds() == 0) {
          for (Map.Entry<String, Double> e : p.values().entrySet()) {
            assertThat(e.getValue()).isEqualTo(value(e.getKey(), p.timestampSeconds()));
          }
        }
      }
      checked++;
    }
    return checked;
  }

  private static long evictBehind(
      CompactHistoryStore store, AtomicBoolean writing, AtomicLongArray progress) {
    long rolledUp = 0;
    // Until something was rolled up: on a fast machine the writers may finish before a pass has
    // reached their points, and the test would prove nothing about maintenance.
    while (writing.get() || rolledUp == 0) {
      long slowest = Long.MAX_VALUE;
      for (int w = 0; w < WRITERS; w++) {
        slowest = Math.min(slowest, progress.get(w));
      }
      rolledUp +=
          store
              .maintain(slowest - 3000 + store.settings().rawRetention().toSeconds())
              .rolledUpValues();
    }
    return rolledUp;
  }

  private static double value(String series, long t) {
    return (series.hashCode() % 1000 + t % 977) / 10.0;
  }
}
