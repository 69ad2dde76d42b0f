package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.TimePoint;
import io.nodelink.metrics.history.compact.ChunkWindows;
import io.nodelink.metrics.history.compact.HistorySettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A writer that dies for good: another writer sharing the database adopts its records of unflushed
 * points, so the history of the agents that failed over has no gap beyond the flush bound, and no
 * second counted twice.
 *
 * <p>Most tests let a writer's silence pass by making its row's last beat older than the writer
 * timeout (as the database clock would after that long); one lets the database clock run.
 */
class TailAdoptionTest {

  private static final long T0 = 1_700_000_000L;
  private static final long WINDOW = 600;
  private static final String CPU = "cpu.usage_percent";
  private static final String AGENT = "mover";

  /** Longer than any test runs, so only rows the test ages are silent for longer. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** What the adopter's points carry on top of the dead writer's, to tell them apart. */
  private static final double ADOPTER_OFFSET = 1000;

  private final MovableClock clock = new MovableClock(T0);

  /** The start of one of the agent's chunk windows after T0 (a whole minute too). */
  private final long start =
      (ChunkWindows.windowOf(T0, ChunkWindows.phase(AGENT, WINDOW), WINDOW) + 1) * WINDOW
          + ChunkWindows.phase(AGENT, WINDOW);

  private DurableHistoryStore open(DataSource ds, String writerId) throws SQLException {
    return open(ds, writerId, TIMEOUT);
  }

  private DurableHistoryStore open(DataSource ds, String writerId, Duration timeout)
      throws SQLException {
    return DurableHistoryStore.open(
        ds,
        HistorySettings.defaults().withMemoryBudgetBytes(0),
        DurableSettings.defaults().withWriterId(writerId).withWriterTimeout(timeout),
        Runnable::run,
        clock);
  }

  private static double cpu(long t) {
    return (t % 97) + 0.5;
  }

  /**
   * The agent's snapshots every second of {@code [from, to]} on {@code store} (values plus {@code
   * offset}), the clock following, a flush every 30 s and at the end.
   */
  private void feed(DurableHistoryStore store, long from, long to, double offset) {
    for (long t = from; t <= to; t++) {
      clock.set(t);
      SeriesBatch batch = new SeriesBatch(1);
      batch.add(CPU, cpu(t) + offset);
      store.appendAll(AGENT, t, batch);
      if (t % 30 == 0 || t == to) {
        assertThat(store.flush()).as("flushed: %s", store.status().lastError()).isTrue();
      }
    }
  }

  /** Makes the writer's last beat older than the timeout, as if it had been silent that long. */
  private static void silence(DataSource ds, String writerId) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement age =
            c.prepareStatement(
                "UPDATE nl_history_writer SET seen_at = seen_at - ? WHERE writer_id = ?")) {
      age.setLong(1, 2 * TIMEOUT.toMillis());
      age.setString(2, writerId);
      assertThat(age.executeUpdate()).isEqualTo(1);
    }
  }

  /** A flush after half a timeout more on the store's clock: the adoption's turn comes. */
  private void flushWithAdoptionDue(DurableHistoryStore store) {
    clock.set(clock.seconds() + TIMEOUT.toSeconds() / 2 + 1);
    assertThat(store.flush()).as("flushed: %s", store.status().lastError()).isTrue();
  }

  private static List<TimePoint> raw(DurableHistoryStore store, long from, long to) {
    return store
        .query(AGENT, new RangeQuery(Set.of(), from, to, 0, 100_000, Aggregation.AVG))
        .points();
  }

  /** Every second of {@code [from, to]} once, with the adopter's value where it had one. */
  private static void assertEverySecondOnce(
      List<TimePoint> points, long from, long to, long adopterFrom) {
    assertThat(points).hasSize((int) (to - from + 1));
    for (int i = 0; i < points.size(); i++) {
      long t = from + i;
      assertThat(points.get(i).timestampSeconds()).isEqualTo(t);
      double expected = cpu(t) + (t >= adopterFrom ? ADOPTER_OFFSET : 0);
      assertThat(points.get(i).values()).as("second %d", t).containsEntry(CPU, expected);
    }
  }

  /**
   * A reader that holds nothing in memory reads buckets of {@code width} from the database's coarse
   * tier: each has the average of the raw points in it (a second counted twice would move it).
   */
  private void assertCoarseTierMatchesRaw(DataSource ds, long from, long to, long width)
      throws SQLException {
    DurableHistoryStore reader = open(ds, "reader");
    long first = Math.floorDiv(from, width) * width;
    long last = Math.floorDiv(to, width) * width + width - 1;
    List<TimePoint> rawPoints = raw(reader, first, last);
    List<TimePoint> buckets =
        reader
            .query(AGENT, new RangeQuery(Set.of(CPU), first, last, width, 100_000, Aggregation.AVG))
            .points();
    assertThat(buckets).isNotEmpty();
    for (TimePoint bucket : buckets) {
      double expected =
          rawPoints.stream()
              .filter(p -> p.timestampSeconds() / width * width == bucket.timestampSeconds())
              .mapToDouble(p -> p.values().get(CPU))
              .average()
              .orElseThrow();
      assertThat(bucket.values().get(CPU))
          .as("%d s bucket at %d", width, bucket.timestampSeconds())
          .isCloseTo(expected, within(1e-9));
    }
    reader.close();
  }

  private static long tailRecordsOf(DataSource ds, String writerId) throws SQLException {
    return FairDiskBudgetTest.single(
        ds, "SELECT COUNT(*) FROM nl_history_tail WHERE writer_id = '" + writerId + "'");
  }

  private static long rowsOf(DataSource ds, String writerId) throws SQLException {
    return FairDiskBudgetTest.single(
        ds, "SELECT COUNT(*) FROM nl_history_writer WHERE writer_id = '" + writerId + "'");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theAdopterWritesTheDeadWritersUnflushedSecondsSoNoneIsMissing(TestDatabase db)
      throws SQLException {
    DataSource ds = db.fresh();
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    // The agent's first 300 s of a window on A: in A's tail records only (the window is open).
    feed(a, start, start + 299, 0);
    long records = tailRecordsOf(ds, "server-a");
    assertThat(records).isPositive();
    // A dies (no close); the agent fails over to B.
    feed(b, start + 300, start + 900, ADOPTER_OFFSET);
    assertThat(b.status().adoptedTailRecords()).as("A is alive until its timeout").isZero();

    silence(ds, "server-a");
    flushWithAdoptionDue(b);

    assertThat(b.status().adoptedTailRecords()).isEqualTo(records);
    assertThat(tailRecordsOf(ds, "server-a")).isZero();
    assertThat(rowsOf(ds, "server-a")).isZero();
    assertEverySecondOnce(raw(b, start, start + 900), start, start + 900, start + 300);
    // Another writer reads what is in chunks: the windows B sealed (its open one is B's alone).
    DurableHistoryStore reader = open(ds, "reader");
    assertEverySecondOnce(raw(reader, start, start + 599), start, start + 599, start + 300);
    reader.close();
    FairDiskBudgetTest.assertUsageMatchesTheChunks(ds);
    b.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void secondsTheAdopterHoldsWinAndCountOnceInTheCoarseTiers(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    feed(a, start, start + 299, 0);
    // The agent resent its last 100 s to B (it had no answer from A for them): B holds them.
    feed(b, start + 200, start + 900, ADOPTER_OFFSET);

    silence(ds, "server-a");
    flushWithAdoptionDue(b);
    assertThat(b.status().adoptedTailRecords()).isPositive();
    // Everything sealed and written, so the reader finds it all in the database.
    clock.set(start + 900 + 2 * WINDOW);
    assertThat(b.flush()).isTrue();

    assertEverySecondOnce(raw(b, start, start + 900), start, start + 900, start + 200);
    assertCoarseTierMatchesRaw(ds, start, start + 900, 60);
    assertCoarseTierMatchesRaw(ds, start, start + 900, 3600);
    b.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void secondsAlreadyStoredByAnotherWriterWinOverAdoptedOnes(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    DurableHistoryStore c = open(ds, "server-c");
    feed(a, start, start + 299, 0);
    // B got the agent (with an overlap) and wrote the window's chunk; C, which never had the
    // agent, adopts A: only the database tells it which seconds are taken.
    feed(b, start + 200, start + 700, ADOPTER_OFFSET);

    silence(ds, "server-a");
    flushWithAdoptionDue(c);
    assertThat(c.status().adoptedTailRecords()).isPositive();
    clock.set(start + 700 + 2 * WINDOW);
    assertThat(b.flush()).isTrue();

    assertEverySecondOnce(raw(c, start, start + 700), start, start + 700, start + 200);
    assertCoarseTierMatchesRaw(ds, start, start + 700, 60);
    assertCoarseTierMatchesRaw(ds, start, start + 700, 3600);
    b.close();
    c.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void ofTwoWritersLookingAtOnceExactlyOneAdopts(TestDatabase db) throws Exception {
    DataSource ds = db.fresh();
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    DurableHistoryStore c = open(ds, "server-c");
    feed(a, start, start + 299, 0);
    long records = tailRecordsOf(ds, "server-a");

    silence(ds, "server-a");
    clock.set(clock.seconds() + TIMEOUT.toSeconds());
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> flushes =
          List.of(
              threads.submit(() -> flushWhenBothReady(b, together)),
              threads.submit(() -> flushWhenBothReady(c, together)));
      for (Future<Boolean> flush : flushes) {
        assertThat(flush.get(2, TimeUnit.MINUTES)).isTrue();
      }
    } finally {
      threads.shutdown();
    }

    assertThat(List.of(b.status().adoptedTailRecords(), c.status().adoptedTailRecords()))
        .containsExactlyInAnyOrder(0L, records);
    assertEverySecondOnce(raw(b, start, start + 299), start, start + 299, Long.MAX_VALUE);
    assertThat(
            FairDiskBudgetTest.single(ds, "SELECT COUNT(*) FROM nl_history_chunk WHERE tier = 0"))
        .isEqualTo(1);
    b.close();
    c.close();
  }

  private static boolean flushWhenBothReady(DurableHistoryStore store, CyclicBarrier together)
      throws Exception {
    together.await();
    return store.flush();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStalledWriterThatWasAdoptedRegistersAgainAndCountsNoSecondTwice(TestDatabase db)
      throws SQLException {
    stalledWriterGoesOn(db, false);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStalledWriterNoticesItWasAdoptedAlsoWhenItHasNothingToWrite(TestDatabase db)
      throws SQLException {
    stalledWriterGoesOn(db, true);
  }

  /**
   * A is adopted while it stalls, then goes on in the same window (its open chunk still holds the
   * adopted seconds) and into the next.
   *
   * @param idleFirst A's first flush after the stall has nothing to write (it notices by the
   *     refresh of an idle writer, not in a flush transaction)
   */
  private void stalledWriterGoesOn(TestDatabase db, boolean idleFirst) throws SQLException {
    DataSource ds = db.fresh();
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    feed(a, start, start + 299, 0);
    silence(ds, "server-a");
    // B's first look at the others (due at once) finds A silent and adopts its records.
    assertThat(b.flush()).isTrue();
    assertThat(b.status().adoptedTailRecords()).isPositive();
    assertThat(rowsOf(ds, "server-a")).isZero();

    // A was only stalled: its flushes work and it is alive again for the others.
    if (idleFirst) {
      clock.set(start + 299 + TIMEOUT.toSeconds() / 3);
      assertThat(a.flush()).isTrue();
      assertThat(rowsOf(ds, "server-a")).isEqualTo(1);
    }
    feed(a, start + 300, start + 700, 0);
    assertThat(a.status().degraded()).isFalse();
    assertThat(rowsOf(ds, "server-a")).isEqualTo(1);
    long adopted = b.status().adoptedTailRecords();
    flushWithAdoptionDue(b);
    assertThat(b.status().adoptedTailRecords()).isEqualTo(adopted);
    assertThat(tailRecordsOf(ds, "server-a")).isPositive();

    clock.set(start + 700 + 2 * WINDOW);
    assertThat(a.flush()).isTrue();
    DurableHistoryStore reader = open(ds, "reader");
    assertEverySecondOnce(raw(reader, start, start + 700), start, start + 700, Long.MAX_VALUE);
    reader.close();
    assertCoarseTierMatchesRaw(ds, start, start + 700, 60);
    assertCoarseTierMatchesRaw(ds, start, start + 700, 3600);
    a.close();
    b.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWriterWithoutARowIsNeverAdopted(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    feed(a, start, start + 299, 0);
    long records = tailRecordsOf(ds, "server-a");
    // As the records of a writer that stopped before the liveness rows existed.
    try (Connection c = ds.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM nl_history_writer WHERE writer_id = 'server-a'")) {
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    flushWithAdoptionDue(b);
    flushWithAdoptionDue(b);

    assertThat(b.status().adoptedTailRecords()).isZero();
    assertThat(tailRecordsOf(ds, "server-a")).isEqualTo(records);
    b.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aGracefulCloseLeavesTheRowAndARestartResumes(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    feed(a, start, start + 299, 0);
    a.close();
    assertThat(rowsOf(ds, "server-a")).isEqualTo(1);

    DurableHistoryStore again = open(ds, "server-a");
    assertEverySecondOnce(raw(again, start, start + 299), start, start + 299, Long.MAX_VALUE);
    assertThat(rowsOf(ds, "server-a")).isEqualTo(1);
    again.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theDatabaseClockDecidesWhenAWriterIsDead(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    Duration shortTimeout = Duration.ofMillis(500);
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a", shortTimeout);
    DurableHistoryStore b = open(ds, "server-b", shortTimeout);
    feed(a, start, start + 59, 0);
    long records = tailRecordsOf(ds, "server-a");

    // A is silent from now on; B flushes (its clock moving on) until the database's clock says
    // A's last beat is older than the timeout.
    await("adoption of a once its beat is older than the timeout")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              clock.set(clock.seconds() + 1);
              b.flush();
              return b.status().adoptedTailRecords() > 0;
            });

    assertThat(b.status().adoptedTailRecords()).isEqualTo(records);
    assertEverySecondOnce(raw(b, start, start + 59), start, start + 59, Long.MAX_VALUE);
    b.close();
  }
}
