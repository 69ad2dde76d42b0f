package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.EncodedChunk;
import io.nodelink.metrics.history.compact.Rollups;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Adopts the tail records of a writer taken for dead (see {@link WriterLiveness}): without it, the
 * points a server held in open chunks when it died for good would stay out of the history until a
 * store with its writer id starts again. Runs after a flush, at most once per half writer timeout,
 * one dead writer per run.
 *
 * <p>One transaction claims the writer (deletes its row with the beat read, so only one adopter
 * proceeds), reads its records above its marks, writes their points as chunks of every tier with
 * this writer's numbers, and deletes its records and marks: all adopted or nothing. Points of
 * seconds this writer stored or holds in memory for the same series are dropped: the agent failed
 * over here, and this writer's points win (a second counted twice would skew the minute and hour
 * buckets).
 */
final class TailAdoption {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  private final DataSource dataSource;
  private final String writerId;
  private final Duration timeout;
  private final SeriesCatalog catalog;
  private final CompactHistoryStore memory;
  private final AdoptedChunks chunks;
  private final long windowSeconds;
  private final ReentrantLock running = new ReentrantLock();
  private final AtomicLong adoptedRecords = new AtomicLong();
  private long nextRunMillis = Long.MIN_VALUE;

  TailAdoption(
      DataSource dataSource,
      DurableSettings settings,
      SeqBlocks seqs,
      SeriesCatalog catalog,
      CompactHistoryStore memory,
      long windowSeconds) {
    this.dataSource = dataSource;
    this.writerId = settings.writerId();
    this.timeout = settings.writerTimeout();
    this.catalog = catalog;
    this.memory = memory;
    this.chunks = new AdoptedChunks(catalog, seqs, windowSeconds);
    this.windowSeconds = windowSeconds;
  }

  /**
   * Looks for a dead writer and adopts it, if half a writer timeout passed since the last look (by
   * {@code nowMillis}, the store's clock); a look already running makes this one return.
   */
  void runIfDue(long nowMillis) {
    if (!running.tryLock()) {
      return;
    }
    try {
      if (nowMillis < nextRunMillis) {
        return;
      }
      nextRunMillis = nowMillis + Math.max(1, timeout.toMillis() / 2);
      adoptOne();
    } catch (SQLException | RuntimeException e) {
      // Nothing was adopted (one transaction); the next look tries again.
      LOG.log(Level.WARNING, "Adopting a dead history writer's records failed; trying later", e);
    } finally {
      running.unlock();
    }
  }

  long adoptedRecords() {
    return adoptedRecords.get();
  }

  /** What one adoption wrote. */
  private record Tally(int records, long points, long dropped) {}

  private void adoptOne() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Optional<WriterLiveness.Silent> dead =
          WriterLiveness.longestSilent(connection, writerId, timeout);
      if (dead.isEmpty()) {
        return;
      }
      registerSeries(connection, dead.get().writerId());
      Tally tally = claimAndWrite(connection, dead.get());
      if (tally == null) {
        LOG.fine("History writer " + dead.get().writerId() + " was adopted by another writer");
        return;
      }
      persistCommitted(connection);
      adoptedRecords.addAndGet(tally.records());
      LOG.log(
          Level.INFO,
          "History writer {0} silent for {1} s, taken for dead: adopted its {2} tail records"
              + " ({3} points written, {4} dropped: this writer had their seconds already)",
          new Object[] {
            dead.get().writerId(),
            dead.get().silentMillis() / 1000,
            tally.records(),
            tally.points(),
            tally.dropped()
          });
    }
  }

  /**
   * Registers the series the dead writer's records name that have no id yet (in transactions of
   * their own, as a flush does), before the claim: harmless if another writer adopts it instead.
   */
  private void registerSeries(Connection connection, String deadId) throws SQLException {
    Map<String, List<TailTable.Row>> records = read(connection, deadId);
    Map<Long, String> namesById = catalog.namesById();
    Map<String, Set<String>> missing = new TreeMap<>();
    records.forEach(
        (agent, rows) -> {
          Set<String> names =
              AdoptedPoints.decode(agent, rows, namesById::get).unregistered(catalog);
          if (!names.isEmpty()) {
            missing.put(agent, names);
          }
        });
    catalog.register(connection, missing);
  }

  /**
   * The claim and the writes in one transaction, one agent's points decoded at a time.
   *
   * @return what was adopted, or null if another writer claimed it first (or it came back)
   */
  private Tally claimAndWrite(Connection connection, WriterLiveness.Silent dead)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      if (!WriterTable.claim(connection, dead)) {
        connection.rollback();
        return null;
      }
      Map<String, List<TailTable.Row>> records = read(connection, dead.writerId());
      Map<Long, String> namesById = catalog.namesById();
      List<ChunkTable.Row> rows = new ArrayList<>();
      long points = 0;
      long dropped = 0;
      for (Map.Entry<String, List<TailTable.Row>> agent : records.entrySet()) {
        AdoptedPoints adopted =
            AdoptedPoints.decode(agent.getKey(), agent.getValue(), namesById::get);
        dropWhatThisWriterHas(connection, adopted);
        rows.addAll(chunks.rows(adopted));
        points += adopted.points();
        dropped += adopted.dropped();
      }
      // One insert: the usage counters are updated in the one order every writer uses.
      ChunkTable.insert(connection, rows);
      TailTable.deleteAll(connection, dead.writerId());
      TailMarks.deleteAll(connection, dead.writerId());
      connection.commit();
      int count = records.values().stream().mapToInt(List::size).sum();
      return new Tally(count, points, dropped);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * The dead writer's records above its marks per agent, in sequence order; the series other
   * writers registered are loaded into the catalog (the records name them by id).
   */
  private Map<String, List<TailTable.Row>> read(Connection connection, String deadId)
      throws SQLException {
    Map<String, List<TailTable.Row>> byAgent = new TreeMap<>();
    TailTable.readUndone(
        connection,
        deadId,
        row -> byAgent.computeIfAbsent(row.agentId(), a -> new ArrayList<>()).add(row));
    if (!byAgent.isEmpty()) {
      // One query for all series, not one per agent: a dead writer may have had thousands.
      catalog.load(connection);
    }
    return byAgent;
  }

  /**
   * Drops adopted points of seconds that this writer holds in memory (the agent came here; what it
   * holds is written with its own chunks) or that any raw chunk in the database holds already.
   */
  private void dropWhatThisWriterHas(Connection connection, AdoptedPoints points)
      throws SQLException {
    long maxSpan = JdbcColdHistory.maxSpan(Tier.RAW, windowSeconds);
    String agent = points.agentId();
    for (Map.Entry<String, TreeMap<Long, Double>> series : points.series().entrySet()) {
      TreeMap<Long, Double> values = series.getValue();
      if (values.isEmpty()) {
        continue;
      }
      long from = values.firstKey();
      long to = values.lastKey();
      points.drop(series.getKey(), memory.rawSecondsHeld(agent, series.getKey(), from, to));
      Long id = catalog.find(agent, series.getKey());
      if (id != null) {
        for (EncodedChunk stored : ChunkTable.select(connection, id, Tier.RAW, from, to, maxSpan)) {
          points.drop(series.getKey(), Rollups.secondsOf(stored));
        }
      }
    }
  }

  /** As after a flush: what was adopted must survive this process's death at once. */
  private void persistCommitted(Connection connection) {
    try {
      Dialect.of(connection).persistCommitted(connection);
    } catch (SQLException e) {
      LOG.log(Level.FINE, "The adoption's commit was not written out at once", e);
    }
  }
}
