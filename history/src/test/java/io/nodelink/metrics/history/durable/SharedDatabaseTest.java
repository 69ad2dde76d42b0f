package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.TimePoint;
import io.nodelink.metrics.history.compact.ChunkWindows;
import io.nodelink.metrics.history.compact.HistorySettings;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Several durable stores (one per server, each with its own writer id) on one database. */
class SharedDatabaseTest {

  private static final long T0 = 1_700_000_000L;
  private static final long WINDOW = 600;
  private static final List<String> NAMES = List.of("cpu.usage_percent", "memory.used_bytes");

  private final MovableClock clock = new MovableClock(T0);

  private DurableHistoryStore open(DataSource dataSource, String writerId) throws SQLException {
    return DurableHistoryStore.open(
        dataSource,
        HistorySettings.defaults().withMemoryBudgetBytes(0),
        DurableSettings.defaults().withWriterId(writerId),
        Runnable::run,
        clock);
  }

  private static double cpu(long t) {
    return (t % 97) + 0.5;
  }

  private static void snapshot(DurableHistoryStore store, String agent, long t) {
    SeriesBatch batch = new SeriesBatch(2);
    batch.add(NAMES.get(0), cpu(t));
    batch.add(NAMES.get(1), 1_000_000 + (t % 13) * 4096);
    store.appendAll(agent, t, batch);
  }

  /**
   * Each store gets a snapshot of its agent every second of {@code [from, to]}, the clock
   * following; both flush every 30 s and at the end.
   */
  private void feedBoth(
      DurableHistoryStore a,
      String agentOfA,
      DurableHistoryStore b,
      String agentOfB,
      long from,
      long to) {
    for (long t = from; t <= to; t++) {
      clock.set(t);
      snapshot(a, agentOfA, t);
      snapshot(b, agentOfB, t);
      if (t % 30 == 0 || t == to) {
        a.flush();
        b.flush();
        assertThat(a.status().degraded()).as("A degraded: %s", a.status().lastError()).isFalse();
        assertThat(b.status().degraded()).as("B degraded: %s", b.status().lastError()).isFalse();
      }
    }
  }

  /** Moves the clock past every open window and writes all chunks. */
  private void sealEverything(long after, DurableHistoryStore... stores) {
    clock.set(after + 2 * WINDOW + 60);
    for (DurableHistoryStore store : stores) {
      assertThat(store.flush()).isTrue();
    }
  }

  private static List<TimePoint> raw(DurableHistoryStore store, String agent, long from, long to) {
    return store
        .query(agent, new RangeQuery(Set.of(), from, to, 0, 100_000, Aggregation.AVG))
        .points();
  }

  private static void assertEverySecondOnce(List<TimePoint> points, long from, long to) {
    assertThat(points).hasSize((int) (to - from + 1));
    for (int i = 0; i < points.size(); i++) {
      assertThat(points.get(i).timestampSeconds()).isEqualTo(from + i);
      assertThat(points.get(i).values()).containsEntry(NAMES.get(0), cpu(from + i));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void twoWritersFlushInterleavedAndReadEachOthersPoints(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    // Both stores opened before either registered a series: each sees the other's only later.
    feedBoth(a, "x1", b, "y1", T0, T0 + 1300);
    sealEverything(T0 + 1300, a, b);

    for (DurableHistoryStore reader : List.of(a, b)) {
      assertEverySecondOnce(raw(reader, "x1", T0, T0 + 1300), T0, T0 + 1300);
      assertEverySecondOnce(raw(reader, "y1", T0, T0 + 1300), T0, T0 + 1300);
    }
    assertThat(b.seriesOf("x1")).containsExactlyInAnyOrderElementsOf(NAMES);
    // Each number handed out once, whichever writer took it ("the later write wins" needs them).
    String seqs = "(SELECT seq FROM nl_history_chunk UNION ALL SELECT seq FROM nl_history_tail) s";
    assertThat(FairDiskBudgetTest.single(ds, "SELECT COUNT(DISTINCT seq) FROM " + seqs))
        .isEqualTo(FairDiskBudgetTest.single(ds, "SELECT COUNT(*) FROM " + seqs))
        .isPositive();
    a.close();
    b.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anAgentMovingToAnotherServerMidWindowReadsTheSameFromBoth(TestDatabase db)
      throws SQLException {
    DataSource ds = db.fresh();
    long phase = ChunkWindows.phase("mover", WINDOW);
    long start = (ChunkWindows.windowOf(T0, phase, WINDOW) + 1) * WINDOW + phase;
    clock.set(start - 100);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    // On A for the first half of a window, then on B (A's server died or the network blinked).
    feedBoth(a, "mover", b, "other", start, start + 299);
    feedBoth(b, "mover", a, "other2", start + 300, start + 900);
    sealEverything(start + 900, a, b);

    assertEverySecondOnce(raw(b, "mover", start, start + 900), start, start + 900);
    assertEverySecondOnce(raw(a, "mover", start, start + 900), start, start + 900);
    a.close();
    b.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eachWriterReplaysItsOwnRecordsAfterACrash(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    feedBoth(a, "x1", b, "y1", T0, T0 + 1290);
    long bTails = tailRecords(ds, "y1");
    assertThat(bTails).isPositive();
    // A dies (no close) and starts again with its writer id.
    DurableHistoryStore a2 = open(ds, "server-a");
    assertEverySecondOnce(raw(a2, "x1", T0, T0 + 1290), T0, T0 + 1290);
    assertThat(tailRecords(ds, "y1")).isEqualTo(bTails);

    // A's new run writes and deletes its own records past a window's end; B's stay.
    feedBoth(a2, "x1", b, "y1", T0 + 1291, T0 + 2500);
    // B dies too and starts again.
    DurableHistoryStore b2 = open(ds, "server-b");
    assertEverySecondOnce(raw(b2, "y1", T0, T0 + 2500), T0, T0 + 2500);
    assertEverySecondOnce(raw(a2, "x1", T0, T0 + 2500), T0, T0 + 2500);
    a2.close();
    b2.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void maintenanceOfTwoWritersAtOnceMergesAndCountsOnce(TestDatabase db) throws Exception {
    DataSource ds = db.fresh();
    long start = Math.floorDiv(T0, 21_600) * 21_600 - 2 * 21_600;
    clock.set(start - 10);
    DurableHistoryStore a = open(ds, "server-a");
    DurableHistoryStore b = open(ds, "server-b");
    for (long t = start; t <= T0; t += 10) {
      clock.set(t);
      snapshot(a, "x1", t);
      snapshot(b, "y1", t);
      if (t % 600 == 0) {
        a.flush();
        b.flush();
      }
    }
    // Maintenance runs two hours later; everything sealed by then is written first.
    clock.set(T0 + 2 * 3600);
    a.flush();
    b.flush();
    List<TimePoint> before = raw(a, "x1", start, start + 2 * 21_600);
    long rawChunks =
        FairDiskBudgetTest.single(ds, "SELECT COUNT(*) FROM nl_history_chunk WHERE tier = 0");

    // While A's pass holds the lease, B leaves the database alone.
    MaintenanceLease leaseOfA = new MaintenanceLease(ds, "server-a");
    assertThat(leaseOfA.take(T0 + 2 * 3600)).isTrue();
    b.maintain(T0 + 2 * 3600);
    assertThat(
            FairDiskBudgetTest.single(ds, "SELECT COUNT(*) FROM nl_history_chunk WHERE tier = 0"))
        .isEqualTo(rawChunks);
    leaseOfA.release();

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs =
          List.of(
              threads.submit(() -> maintainWhenBothReady(a, together)),
              threads.submit(() -> maintainWhenBothReady(b, together)));
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdown();
    }
    // Maintenance may pass from one writer to the other: a second round finishes what is due.
    a.maintain(T0 + 2 * 3600);
    b.maintain(T0 + 2 * 3600);

    // Each series of each agent has one raw chunk per ended 6-hour period: merged exactly once.
    assertThat(
            FairDiskBudgetTest.single(
                ds,
                "SELECT COUNT(*) FROM nl_history_chunk WHERE tier = 0 AND first_ts < "
                    + (start + 2 * 21_600)))
        .isEqualTo(2 * 2 * 2);
    FairDiskBudgetTest.assertUsageMatchesTheChunks(ds);
    assertThat(raw(a, "x1", start, start + 2 * 21_600)).isEqualTo(before);
    assertThat(a.status().degraded()).isFalse();
    assertThat(b.status().degraded()).isFalse();
    a.close();
    b.close();
  }

  private Void maintainWhenBothReady(DurableHistoryStore store, CyclicBarrier together)
      throws Exception {
    together.await();
    store.maintain(T0 + 2 * 3600);
    return null;
  }

  private static long tailRecords(DataSource ds, String agent) throws SQLException {
    return FairDiskBudgetTest.single(
        ds, "SELECT COUNT(*) FROM nl_history_tail WHERE agent_id = '" + agent + "'");
  }
}
