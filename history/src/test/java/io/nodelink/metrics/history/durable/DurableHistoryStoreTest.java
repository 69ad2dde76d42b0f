package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.history.TimePoint;
import io.nodelink.metrics.history.compact.ChunkWindows;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.testkit.logging.WarningLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.LogRecord;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The durable store on a real H2 file database and a real PostgreSQL server. */
class DurableHistoryStoreTest {

  /** A time in the middle of a 10-minute window. */
  private static final long T0 = 1_700_000_000L;

  private static final List<String> NAMES = List.of("cpu.usage_percent", "memory.used_bytes");

  private final MovableClock clock = new MovableClock(T0);

  private DurableHistoryStore open(DataSource dataSource) throws SQLException {
    return open(dataSource, DurableSettings.defaults());
  }

  private DurableHistoryStore open(DataSource dataSource, DurableSettings settings)
      throws SQLException {
    return DurableHistoryStore.open(
        dataSource,
        HistorySettings.defaults().withMemoryBudgetBytes(0),
        settings,
        Runnable::run,
        clock);
  }

  private static double cpu(long t) {
    return (t % 97) + 0.5;
  }

  private static double memory(long t) {
    return 1_000_000 + (t % 13) * 4096;
  }

  /** One snapshot per {@code step} seconds in {@code [from, to]}, the clock following. */
  private void feed(HistoryStore store, String agent, long from, long to, long step) {
    feed(store, null, agent, from, to, step);
  }

  private void feed(
      HistoryStore store, HistoryStore reference, String agent, long from, long to, long step) {
    for (long t = from; t <= to; t += step) {
      clock.set(t);
      SeriesBatch batch = new SeriesBatch(2);
      batch.add(NAMES.get(0), cpu(t));
      batch.add(NAMES.get(1), memory(t));
      store.appendAll(agent, t, batch);
      if (reference != null) {
        reference.appendAll(agent, t, batch);
      }
      if (store instanceof DurableHistoryStore durable && t % 600 == 599) {
        durable.flush();
      }
    }
  }

  /** Agents a0.. each a snapshot every second, the clock following, and no flush between. */
  private void feedFleetWithoutFlushing(HistoryStore store, int agents, long from, long to) {
    for (long t = from; t <= to; t++) {
      clock.set(t);
      for (int agent = 0; agent < agents; agent++) {
        SeriesBatch batch = new SeriesBatch(2);
        batch.add(NAMES.get(0), cpu(t));
        batch.add(NAMES.get(1), memory(t));
        store.appendAll("a" + agent, t, batch);
      }
    }
  }

  private static List<TimePoint> raw(HistoryStore store, String agent, long from, long to) {
    return store
        .query(agent, new RangeQuery(Set.of(), from, to, 0, 100_000, Aggregation.AVG))
        .points();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void gracefulRestartKeepsEveryPoint(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    feed(store, "a1", T0, T0 + 1500, 1);
    feed(store, "a2", T0, T0 + 1500, 10);
    List<TimePoint> before = raw(store, "a1", T0, T0 + 1500);
    assertThat(before).hasSize(1501);
    store.close();

    clock.set(T0 + 1600);
    DurableHistoryStore reopened = open(ds);
    assertThat(raw(reopened, "a1", T0, T0 + 1500)).isEqualTo(before);
    assertThat(raw(reopened, "a2", T0, T0 + 1500)).hasSize(151);
    assertThat(reopened.seriesOf("a1")).containsExactlyInAnyOrderElementsOf(NAMES);
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCrashLosesOnlyWhatCameAfterTheLastFlush(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    feed(store, "a1", T0, T0 + 1000, 1);
    store.flush();
    feed(store, "a1", T0 + 1001, T0 + 1003, 1);
    // No close: the process died.

    clock.set(T0 + 1100);
    DurableHistoryStore reopened = open(ds);
    List<TimePoint> after = raw(reopened, "a1", T0, T0 + 1003);
    assertThat(after).hasSize(1001);
    assertThat(after.get(after.size() - 1).timestampSeconds()).isEqualTo(T0 + 1000);
    assertThat(after.get(999).values()).containsEntry("cpu.usage_percent", cpu(T0 + 999));
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void doneTailRecordsAreNotReplayedBeforeTheLogDeletesThem(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    List<String> agents = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
    for (long t = T0; t <= T0 + 700; t++) {
      clock.set(t);
      for (String agent : agents) {
        SeriesBatch batch = new SeriesBatch(1);
        batch.add(NAMES.get(0), cpu(t));
        store.appendAll(agent, t, batch);
      }
      if (t % 10 == 0) {
        assertThat(store.flush()).isTrue();
      }
    }
    assertThat(store.flush()).isTrue();
    // Agents whose window ended have done records after the oldest record still needed.
    assertThat(
            single(
                ds,
                "SELECT COUNT(*) FROM nl_history_tail t JOIN nl_history_tail_mark m"
                    + " ON t.agent_id = m.agent_id AND t.seq <= m.done_through"))
        .isPositive();
    long chunks = count(ds, "nl_history_chunk");
    Map<String, List<TimePoint>> before = new HashMap<>();
    agents.forEach(agent -> before.put(agent, raw(store, agent, T0, T0 + 700)));
    // No close: the process died; it restarts within every agent's open window.

    DurableHistoryStore reopened = open(ds);
    assertThat(reopened.flush()).isTrue();
    assertThat(count(ds, "nl_history_chunk"))
        .as("replayed done records would be sealed and written again")
        .isEqualTo(chunks);
    agents.forEach(
        agent -> assertThat(raw(reopened, agent, T0, T0 + 700)).isEqualTo(before.get(agent)));
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCrashBeforeTheFirstChunkKeepsTheFlushedPoints(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    feed(store, "a1", T0, T0 + 4, 1);
    assertThat(store.flush()).isTrue();
    feed(store, "a1", T0 + 5, T0 + 8, 1);
    assertThat(store.flush()).isTrue();
    feed(store, "a1", T0 + 9, T0 + 10, 1);
    // No close: the process died before any series had a chunk (records name the series).

    clock.set(T0 + 30);
    DurableHistoryStore reopened = open(ds);
    assertThat(raw(reopened, "a1", T0, T0 + 30)).hasSize(9);
    feed(reopened, "a1", T0 + 31, T0 + 40, 1);
    assertThat(raw(reopened, "a1", T0, T0 + 40)).hasSize(19);
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void slicedFlushesWriteEveryAgentOncePerRound(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    List<String> agents = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
    for (String agent : agents) {
      feed(store, agent, T0, T0 + 100, 1);
    }
    for (int i = 0; i < 5; i++) {
      store.flushSlice(5);
    }
    // No close: the process died after one round of slices.

    clock.set(T0 + 200);
    DurableHistoryStore reopened = open(ds);
    for (String agent : agents) {
      assertThat(raw(reopened, agent, T0, T0 + 100)).as(agent).hasSize(101);
    }
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anUnreadableTailRecordIsSkippedNotFatal(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    feed(store, "a1", T0, T0 + 100, 1);
    store.flush();
    // No close: the process died, leaving a1's tail records and a damaged one.
    try (Connection c = ds.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO nl_history_tail (agent_id, seq, last_ts, data) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, "damaged");
      insert.setLong(2, 1_000_000);
      insert.setLong(3, T0);
      insert.setBytes(4, new byte[] {2, 1, 99});
      insert.executeUpdate();
    }

    clock.set(T0 + 200);
    DurableHistoryStore reopened = open(ds);
    assertThat(raw(reopened, "a1", T0, T0 + 100)).hasSize(101);
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void tailRecordsGoOnceTheirChunksAreWritten(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    for (long t = T0; t <= T0 + 3000; t += 5) {
      feed(store, "a1", t, t + 4, 1);
      store.flush();
    }
    // Only the records since the current window began (at most 120 flushes of 5 s) remain.
    assertThat(store.status().tailRecords()).isBetween(1L, 121L);
    assertThat(count(ds, "nl_history_tail")).isEqualTo(store.status().tailRecords());
    assertThat(store.status().degraded()).isFalse();
    store.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCrashAroundAWindowsEndReplaysEveryFlushedPointOnce(TestDatabase db) throws SQLException {
    long phase = ChunkWindows.phase("a1", 600);
    long windowEnd = Math.floorDiv(T0 + 600 - phase, 600) * 600 + phase;
    // The ended window's chunks once each; the next window's points are still in tail records.
    // Within the grace after the end (the window is sealed series by series) and after it.
    for (long crashAt : new long[] {windowEnd + 3, windowEnd + 8}) {
      DataSource ds = db.fresh();
      DurableHistoryStore store = open(ds);
      long lastFlushed = 0;
      for (long t = T0; t <= crashAt; t++) {
        clock.set(t);
        SeriesBatch batch = new SeriesBatch(2);
        batch.add(NAMES.get(0), cpu(t));
        batch.add(NAMES.get(1), memory(t));
        store.appendAll("a1", t, batch);
        if (t % 5 == 4) {
          store.flush();
          lastFlushed = t;
        }
      }
      // No close: the process died. Then a run that ends gracefully writes what it replayed.
      clock.set(crashAt + 100);
      open(ds).close();
      clock.set(crashAt + 200);
      DurableHistoryStore reopened = open(ds);

      List<TimePoint> points = raw(reopened, "a1", T0, crashAt);
      assertThat(points).hasSize((int) (lastFlushed - T0 + 1));
      assertThat(points.get(points.size() - 1).timestampSeconds()).isEqualTo(lastFlushed);
      assertThat(single(ds, "SELECT SUM(point_count) FROM nl_history_chunk WHERE tier = 0"))
          .as("raw points in chunks, crash %d s after the window's end", crashAt - windowEnd)
          .isEqualTo(2 * (windowEnd - T0));
      reopened.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void latePointsSurviveARestart(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    feed(store, "a1", T0, T0 + 1300, 1);
    store.flush();
    store.append("a1", "cpu.usage_percent", T0 + 100, 999.0);
    store.append("a1", "cpu.usage_percent", T0 - 5000, 7.0);
    store.close();

    clock.set(T0 + 1400);
    DurableHistoryStore reopened = open(ds);
    List<TimePoint> points = raw(reopened, "a1", T0 - 5000, T0 + 1300);
    assertThat(points.get(0).values()).containsEntry("cpu.usage_percent", 7.0);
    assertThat(points)
        .filteredOn(p -> p.timestampSeconds() == T0 + 100)
        .singleElement()
        .satisfies(p -> assertThat(p.values()).containsEntry("cpu.usage_percent", 999.0));
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rawChunksAreMergedPerSixHoursAndReadTheSame(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    long start = Math.floorDiv(T0, 21_600) * 21_600 - 2 * 21_600;
    feed(store, "a1", start, T0, 1);
    // A late point in an hour already written: its chunk is merged with the others, and wins.
    store.append("a1", "cpu.usage_percent", start + 1800, 555.0);
    store.flush();
    List<TimePoint> before = raw(store, "a1", start, start + 2 * 21_600);
    long windows = countTier(ds, 0);
    store.close();

    DurableHistoryStore reopened = open(ds);
    reopened.maintain(T0 + 2 * 3600);
    // Each series' 36 window chunks of each ended period (and the late point's) are one chunk now.
    assertThat(windows).isGreaterThan(2 * 2 * 36);
    assertThat(
            single(
                ds,
                "SELECT COUNT(*) FROM nl_history_chunk WHERE tier = 0 AND first_ts < "
                    + (start + 2 * 21_600)))
        .isEqualTo(2 * 2);
    assertUsageMatchesTheChunks(ds);
    // Memory no longer holds these hours: the answer comes from the merged chunks.
    clock.set(T0 + 2 * 86_400);
    DurableHistoryStore later = open(ds);
    reopened.close();
    assertThat(raw(later, "a1", start, start + 2 * 21_600)).isEqualTo(before);
    // A range starting inside a merged chunk finds it.
    long from = start + 21_600 + 3 * 3600;
    assertThat(raw(later, "a1", from, from + 600))
        .isEqualTo(before.stream().filter(p -> p.timestampSeconds() >= from).limit(601).toList());
    assertThat(before)
        .filteredOn(p -> p.timestampSeconds() == start + 1800)
        .singleElement()
        .satisfies(p -> assertThat(p.values()).containsEntry("cpu.usage_percent", 555.0));
    later.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void longRangesComeFromTheMinuteAndHourTiersExactly(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds);
    SimpleHistoryStore reference = new SimpleHistoryStore(Duration.ofDays(30));
    long start = T0 - 3 * 86_400;
    feed(store, reference, "a1", start, T0, 20);
    store.flush();
    store.maintain(T0);
    store.close();

    DurableHistoryStore reopened = open(ds);
    reopened.maintain(T0 + 86_400);
    assertUsageMatchesTheChunks(ds);
    for (int maxPoints : new int[] {300, 50}) {
      HistoryResult answer =
          reopened.query("a1", new RangeQuery(Set.of(), start, T0, 0, maxPoints, Aggregation.AVG));
      long interval = answer.intervalSeconds();
      assertThat(interval % (maxPoints == 50 ? 3600 : 60)).isZero();
      HistoryResult expected =
          reference.query(
              "a1", new RangeQuery(Set.of(), start, T0, interval, 100_000, Aggregation.AVG));
      assertThat(answer.points())
          .hasSameSizeAs(expected.points())
          .hasSizeLessThanOrEqualTo(maxPoints);
      for (int i = 0; i < expected.points().size(); i++) {
        TimePoint e = expected.points().get(i);
        TimePoint a = answer.points().get(i);
        assertThat(a.timestampSeconds()).isEqualTo(e.timestampSeconds());
        for (String name : NAMES) {
          assertThat(a.values().get(name)).isCloseTo(e.values().get(name), within(1e-6));
        }
      }
    }
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDatabaseOutageLosesNothingThatFitsTheQueue(TestDatabase db) throws SQLException {
    SwitchableDataSource ds = new SwitchableDataSource(db.fresh());
    DurableHistoryStore store = open(ds);
    feed(store, "a1", T0, T0 + 300, 1);
    assertThat(store.flush()).isTrue();

    ds.down(true);
    feed(store, "a1", T0 + 301, T0 + 1900, 1);
    assertThat(store.flush()).isFalse();
    assertThat(store.status().degraded()).isTrue();
    assertThat(store.status().lastError()).isPresent();
    assertThat(store.status().queuedChunks()).isPositive();
    // Live reads go on from memory, older ones answer what memory has.
    assertThat(raw(store, "a1", T0 + 1800, T0 + 1900)).hasSize(101);
    assertThat(raw(store, "a1", T0, T0 + 1900)).isNotEmpty();

    ds.down(false);
    assertThat(store.flush()).isTrue();
    assertThat(store.status().degraded()).isFalse();
    assertThat(store.status().droppedChunks()).isZero();
    store.close();

    clock.set(T0 + 2000);
    DurableHistoryStore reopened = open(ds);
    assertThat(raw(reopened, "a1", T0, T0 + 1900)).hasSize(1901);
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDatabaseDownAtStartIsAttachedWhenItComesBack(TestDatabase db) throws SQLException {
    SwitchableDataSource ds = new SwitchableDataSource(db.fresh());
    DurableHistoryStore previous = open(ds);
    feed(previous, "a1", T0, T0 + 310, 1);
    assertThat(previous.flush()).isTrue();
    // The previous run dies with points in tail records only; the database is down at the start.
    ds.down(true);
    clock.set(T0 + 400);
    DurableHistoryStore store = open(ds);
    assertThat(store.status().degraded()).isTrue();
    assertThat(store.status().lastError()).hasValueSatisfying(e -> assertThat(e).contains("down"));

    feed(store, "a1", T0 + 400, T0 + 1300, 1);
    assertThat(store.flush()).isFalse();
    assertThat(raw(store, "a1", T0 + 400, T0 + 1300)).hasSize(901);

    ds.down(false);
    clock.set(T0 + 1310);
    assertThat(store.flush()).isTrue();
    assertThat(store.status().degraded()).isFalse();
    List<TimePoint> all = raw(store, "a1", T0, T0 + 1300);
    assertThat(all).hasSize(311 + 901);
    assertThat(all.get(305).values()).containsEntry("cpu.usage_percent", cpu(T0 + 305));
    store.close();

    clock.set(T0 + 1400);
    DurableHistoryStore reopened = open(ds);
    assertThat(raw(reopened, "a1", T0, T0 + 1300)).isEqualTo(all);
    assertUsageMatchesTheChunks(ds);
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anOutageLongerThanTheQueueDropsTheOldestAndCountsThem(TestDatabase db) throws SQLException {
    SwitchableDataSource ds = new SwitchableDataSource(db.fresh());
    DurableHistoryStore store = open(ds, DurableSettings.defaults().withQueueMaxBytes(64 << 10));
    ds.down(true);
    for (int agent = 0; agent < 40; agent++) {
      feed(store, "a" + agent, T0, T0 + 1900, 1);
    }
    store.flush();
    assertThat(store.status().droppedChunks()).isPositive();
    assertThat(store.status().droppedValues()).isPositive();
    assertThat(store.status().queuedBytes()).isLessThanOrEqualTo(64 << 10);
    ds.down(false);
    assertThat(store.flush()).isTrue();
    store.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWorkingDatabaseGetsAFlushLargerThanTheQueue(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds, DurableSettings.defaults().withQueueMaxBytes(64 << 10));
    feedFleetWithoutFlushing(store, 40, T0, T0 + 1900);
    // The points waiting for the writer (4 x 64 KiB here) were shed and are read back.
    assertThat(store.status().shedUnflushedValues()).isPositive();
    assertThat(store.flush()).isTrue();
    assertThat(store.status().droppedChunks()).isZero();
    assertThat(store.status().droppedTailRecords()).isZero();
    store.close();

    clock.set(T0 + 2000);
    DurableHistoryStore reopened = open(ds);
    assertThat(raw(reopened, "a39", T0, T0 + 1900)).hasSize(1901);
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWriterFarBehindShedsItsWaitingPointsAndACrashAfterItsFlushLosesNone(TestDatabase db)
      throws SQLException {
    DataSource ds = db.fresh();
    DurableHistoryStore store = open(ds, DurableSettings.defaults().withQueueMaxBytes(64 << 10));
    feedFleetWithoutFlushing(store, 40, T0, T0 + 1900);
    assertThat(store.status().shedUnflushedValues()).isPositive();
    List<LogRecord> warnings;
    try (WarningLog log = WarningLog.of(DurableHistoryStore.class)) {
      assertThat(store.flush()).isTrue();
      warnings = log.records();
    }
    assertThat(warnings)
        .extracting(LogRecord::getMessage)
        .anySatisfy(message -> assertThat(message).startsWith("History writer behind"));
    // No close: the process died right after the flush.

    clock.set(T0 + 2000);
    DurableHistoryStore reopened = open(ds);
    for (String agent : List.of("a0", "a17", "a39")) {
      List<TimePoint> points = raw(reopened, agent, T0, T0 + 1900);
      assertThat(points).as(agent).hasSize(1901);
      assertThat(points.get(1900).values()).containsEntry(NAMES.get(0), cpu(T0 + 1900));
    }
    reopened.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void retentionDeletesEachTierOnItsOwnSchedule(TestDatabase db) throws SQLException {
    DataSource ds = db.fresh();
    DurableSettings settings =
        DurableSettings.defaults()
            .withTiers(
                new DurableSettings.TierLimits(Duration.ofDays(1), 0),
                new DurableSettings.TierLimits(Duration.ofDays(3), 0),
                new DurableSettings.TierLimits(Duration.ofDays(10), 0));
    DurableHistoryStore store = open(ds, settings);
    feed(store, "a1", T0, T0 + 1300, 10);
    store.flush();
    assertThat(countTier(ds, 0)).isPositive();

    assertUsageMatchesTheChunks(ds);
    store.maintain(T0 + 2 * 86_400);
    assertUsageMatchesTheChunks(ds);
    assertThat(countTier(ds, 0)).isZero();
    assertThat(countTier(ds, 1)).isPositive();
    store.maintain(T0 + 5 * 86_400);
    assertThat(countTier(ds, 1)).isZero();
    assertThat(countTier(ds, 2)).isPositive();
    store.maintain(T0 + 11 * 86_400);
    assertThat(countTier(ds, 2)).isZero();
    assertUsageMatchesTheChunks(ds);
    store.close();
  }

  /** The running sizes per tier equal what a scan of the chunks finds. */
  private static void assertUsageMatchesTheChunks(DataSource ds) throws SQLException {
    for (int tier = 0; tier < 3; tier++) {
      assertThat(single(ds, "SELECT bytes FROM nl_history_usage WHERE tier = " + tier))
          .as("bytes of tier %d", tier)
          .isEqualTo(
              single(
                  ds,
                  "SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM nl_history_chunk WHERE tier = "
                      + tier));
      assertThat(single(ds, "SELECT chunks FROM nl_history_usage WHERE tier = " + tier))
          .as("chunks of tier %d", tier)
          .isEqualTo(countTier(ds, tier));
    }
  }

  private static long count(DataSource ds, String table) throws SQLException {
    return single(ds, "SELECT COUNT(*) FROM " + table);
  }

  private static long countTier(DataSource ds, int tier) throws SQLException {
    return single(ds, "SELECT COUNT(*) FROM nl_history_chunk WHERE tier = " + tier);
  }

  private static long single(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
