package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ChunkWindows;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.UnflushedPoints;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes what memory holds that the database does not, in one transaction per flush: sealed chunks
 * (with their minute and hour buckets), one tail record per agent with the points appended since
 * the last flush, and the deletion of tail records whose points are all in written chunks (marked
 * done per agent, deleted from the start of the log). A failed flush keeps everything for the next
 * one.
 *
 * <p>Why a tail record may go: it holds points of one chunk window; once that window ended by the
 * time this flush sealed ended windows, every series' chunk of it was sealed before this flush took
 * the sealed chunks, so they are in this transaction or an earlier one.
 */
final class StoreWriter {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  private final DataSource dataSource;
  private final String writerId;
  private final SeqBlocks seqs;
  private final CompactHistoryStore memory;
  private final SeriesCatalog catalog;
  private final Outbox outbox;
  private final TailIndex tails;
  private final WriterHeartbeat heartbeat;
  private final long graceSeconds;
  private final long windowSeconds;
  private final BooleanSupplier attached;
  // Fair: a writer behind has its flush slices run back to back, and with barging the cleanup
  // timer's flush waited behind them for the whole of a 10-minute load run, so no maintenance ran.
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Map<String, Set<String>> unregistered = new HashMap<>();
  private volatile boolean degraded;
  private boolean persistWarned;
  private volatile String lastError;
  private volatile long writtenChunks;
  private volatile long lastFlushMillis;

  StoreWriter(
      DataSource dataSource,
      String writerId,
      SeqBlocks seqs,
      CompactHistoryStore memory,
      SeriesCatalog catalog,
      Outbox outbox,
      TailIndex tails,
      WriterHeartbeat heartbeat,
      long graceSeconds,
      long windowSeconds,
      BooleanSupplier attached) {
    this.dataSource = dataSource;
    this.writerId = writerId;
    this.seqs = seqs;
    this.memory = memory;
    this.catalog = catalog;
    this.outbox = outbox;
    this.tails = tails;
    this.heartbeat = heartbeat;
    this.graceSeconds = graceSeconds;
    this.windowSeconds = windowSeconds;
    this.attached = attached;
  }

  /**
   * One flush; a flush already running makes this one wait.
   *
   * @return true if everything held was written
   */
  boolean flush(long nowSeconds) {
    return flush(nowSeconds, agent -> true);
  }

  /**
   * A flush of the unflushed points of the agents {@code agents} accepts, and of every sealed chunk
   * (a slice of the fleet per call spreads a flush's work over the interval).
   */
  boolean flush(long nowSeconds, Predicate<String> agents) {
    lock.lock();
    try {
      long started = System.nanoTime();
      long sealedBefore = nowSeconds - graceSeconds;
      memory.sealEndedWindows(sealedBefore, agents);
      // Before the sealed chunks are taken: a record may go only if its chunks are among them.
      Map<String, List<Long>> deletions = deletableTails(sealedBefore, agents);
      // Unflushed points first, chunks second: a point left out of the records because its chunk
      // was sealed meanwhile has that chunk in this flush.
      memory.drainUnflushed(agents, (agent, points) -> addTails(agent, points, sealedBefore));
      outbox.takeIncoming();
      boolean ok = write(deletions, nowSeconds);
      if (ok) {
        lastFlushMillis = (System.nanoTime() - started) / 1_000_000;
      } else {
        // The bound is for what waits on a database that fails, not for one flush's batch: at a
        // window's end every series seals at once (~200 MB at 5,000 agents x 40 series), more
        // than the default bound, and a working database must get all of it.
        outbox.enforceBound();
      }
      return ok;
    } finally {
      lock.unlock();
    }
  }

  /**
   * One record per chunk window, of the points not in a sealed chunk: a record then holds points of
   * one window only, and goes as soon as that window's chunks are written (a record spanning two
   * windows would be replayed after a crash with points of a written window, counting them twice in
   * the minute and hour buckets).
   *
   * <p>Which points are sealed, without visiting every series: a window that ended by {@code
   * sealedBefore} was sealed by this flush for every series; the window of the agent's newest point
   * is open for every series (only a later point seals it, and the durable store's chunks hold a
   * whole window); a window between the two (the flush came within the grace after a window's end)
   * is looked up series by series.
   */
  private void addTails(String agentId, UnflushedPoints points, long sealedBefore) {
    long phase = ChunkWindows.phase(agentId, windowSeconds);
    long newestWindow = newestWindow(agentId, phase);
    Map<Long, List<Integer>> byWindow = new TreeMap<>();
    for (int e = 0; e < points.size(); e++) {
      long window = ChunkWindows.windowOf(points.timestamps()[e], phase, windowSeconds);
      if (windowEnd(window, phase) <= sealedBefore) {
        continue;
      }
      if (window < newestWindow && !keepUnsealed(agentId, points, e)) {
        continue;
      }
      byWindow.computeIfAbsent(window, w -> new ArrayList<>()).add(e);
    }
    for (List<Integer> list : byWindow.values()) {
      int[] entries = list.stream().mapToInt(Integer::intValue).toArray();
      long lastTs = Long.MIN_VALUE;
      for (int e : entries) {
        lastTs = Math.max(lastTs, points.timestamps()[e]);
      }
      byte[] data = TailCodec.encode(points, entries, name -> idOrRegister(agentId, name));
      outbox.addTail(new TailTable.Row(agentId, Outbox.UNNUMBERED, lastTs, data));
    }
  }

  /**
   * Replaces the values of entry {@code e} whose series sealed its chunk by NaN (not replayed);
   * false if none is left.
   */
  private boolean keepUnsealed(String agentId, UnflushedPoints points, int e) {
    long timestamp = points.timestamps()[e];
    String[] names = points.names()[e];
    double[] values = points.values()[e];
    boolean any = false;
    for (int k = 0; k < names.length; k++) {
      if (timestamp < memory.oldestUnsealed(agentId, names[k])) {
        values[k] = Double.NaN;
      } else {
        any |= !Double.isNaN(values[k]);
      }
    }
    return any;
  }

  /**
   * The series' catalog id, or 0 and the series is added to the catalog with this flush: records
   * name a series until its id is committed, then refer to it by id.
   */
  private long idOrRegister(String agentId, String series) {
    Long id = catalog.find(agentId, series);
    if (id == null) {
      unregistered.computeIfAbsent(agentId, a -> new HashSet<>()).add(series);
      return 0;
    }
    return id;
  }

  /** The chunk window of the agent's newest point, or {@code Long.MIN_VALUE} if it has none. */
  private long newestWindow(String agentId, long phase) {
    long newest = memory.newestAppended(agentId);
    return newest == Long.MIN_VALUE
        ? Long.MIN_VALUE
        : ChunkWindows.windowOf(newest, phase, windowSeconds);
  }

  private long windowEnd(long window, long phase) {
    return (window + 1) * windowSeconds + phase;
  }

  /**
   * The tail records whose chunks are all sealed: records of a window that ended by {@code
   * sealedBefore}, or of an older window than the agent's newest that every series of the agent has
   * sealed (a point of the next window came), which takes a visit of the agent's series, so it is
   * asked only within the grace after a window's end.
   */
  private Map<String, List<Long>> deletableTails(long sealedBefore, Predicate<String> agents) {
    Map<String, List<Long>> deletions = new HashMap<>();
    for (String agent : tails.agents()) {
      if (!agents.test(agent)) {
        continue;
      }
      long phase = ChunkWindows.phase(agent, windowSeconds);
      long newestWindow = newestWindow(agent, phase);
      long[] oldestUnsealed = {0, 0};
      List<Long> seqs =
          tails.deletable(
              agent,
              lastTs -> {
                long window = ChunkWindows.windowOf(lastTs, phase, windowSeconds);
                if (windowEnd(window, phase) <= sealedBefore) {
                  return true;
                }
                if (window >= newestWindow) {
                  return false;
                }
                if (oldestUnsealed[0] == 0) {
                  oldestUnsealed[0] = 1;
                  oldestUnsealed[1] = memory.oldestUnsealed(agent);
                }
                return lastTs < oldestUnsealed[1];
              });
      if (!seqs.isEmpty()) {
        deletions.put(agent, seqs);
      }
    }
    return deletions;
  }

  private boolean write(Map<String, List<Long>> deletions, long nowSeconds) {
    if (outbox.chunks().isEmpty() && outbox.tails().isEmpty() && deletions.isEmpty()) {
      return beatWhileIdle(nowSeconds);
    }
    if (!attached.getAsBoolean()) {
      // Not before the store has read the catalog (it says why).
      degraded = true;
      return false;
    }
    List<Outbox.Pending> chunks;
    List<TailTable.Row> newTails;
    try (Connection connection = dataSource.getConnection()) {
      // Both in short transactions of their own, so the flush's does not hold the shared rows.
      catalog.register(connection, seriesToRegister());
      outbox.number(seqs);
      connection.setAutoCommit(false);
      try {
        if (heartbeat.beat(connection, nowSeconds)) {
          forgetAdoptedRecords();
          outbox.number(seqs);
        }
        chunks = new ArrayList<>(outbox.chunks());
        newTails = new ArrayList<>(outbox.tails());
        List<ChunkTable.Row> rows = new ArrayList<>(chunks.size());
        for (Outbox.Pending p : chunks) {
          rows.add(new ChunkTable.Row(registered(p), p.tier(), p.seq(), p.chunk()));
        }
        ChunkTable.insert(connection, rows);
        TailTable.insert(connection, writerId, newTails);
        deleteDone(connection, deletions, newTails);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      persistCommitted(connection);
    } catch (SQLException | RuntimeException e) {
      failed(e);
      return false;
    } finally {
      // Registered or not, records go on naming a series until its id is committed.
      unregistered.clear();
    }
    newTails.forEach(row -> tails.add(row.agentId(), row.seq(), row.lastTs()));
    deletions.forEach(tails::removed);
    writtenChunks += chunks.size();
    outbox.written();
    recovered();
    return true;
  }

  /**
   * A writer with nothing to write still refreshes its row now and then: it may hold open chunks
   * (and their tail records) of agents that went quiet, which no other writer must adopt.
   */
  private boolean beatWhileIdle(long nowSeconds) {
    if (attached.getAsBoolean() && heartbeat.dueWhenIdle(nowSeconds)) {
      try (Connection connection = dataSource.getConnection()) {
        if (heartbeat.beat(connection, nowSeconds)) {
          forgetAdoptedRecords();
        }
      } catch (SQLException | RuntimeException e) {
        failed(e);
        return false;
      }
    }
    recovered();
    return true;
  }

  /**
   * Another writer adopted every record this one had (it stalled past the writer timeout): they are
   * gone from the database, and their seconds stay out of the buckets of the chunks this writer
   * still writes (the adopter's buckets count them).
   */
  private void forgetAdoptedRecords() {
    Map<String, TreeMap<Long, Long>> adopted = tails.records();
    outbox.leaveOutOfBuckets(adoptedSpans(adopted));
    tails.removeAll(adopted);
  }

  /**
   * The seconds of the adopted records (per agent: from the start of a record's window through its
   * newest point): all of the agent's points in them were in those records, since a record holds
   * every point of its window drained before it that was not in a written chunk.
   */
  private Map<String, List<long[]>> adoptedSpans(Map<String, TreeMap<Long, Long>> records) {
    Map<String, List<long[]>> spans = new HashMap<>();
    records.forEach(
        (agent, rows) -> {
          long phase = ChunkWindows.phase(agent, windowSeconds);
          Map<Long, Long> throughByWindow = new TreeMap<>();
          for (long lastTs : rows.values()) {
            throughByWindow.merge(
                ChunkWindows.windowOf(lastTs, phase, windowSeconds), lastTs, Math::max);
          }
          List<long[]> list = new ArrayList<>();
          throughByWindow.forEach(
              (window, through) -> list.add(new long[] {window * windowSeconds + phase, through}));
          spans.put(agent, list);
        });
    return spans;
  }

  /** The series of this flush's records and chunks that have no id yet. */
  private Map<String, Set<String>> seriesToRegister() {
    Map<String, Set<String>> series = new HashMap<>();
    unregistered.forEach((agent, names) -> series.put(agent, new HashSet<>(names)));
    for (Outbox.Pending p : outbox.chunks()) {
      if (catalog.find(p.agentId(), p.series()) == null) {
        series.computeIfAbsent(p.agentId(), a -> new HashSet<>()).add(p.series());
      }
    }
    return series;
  }

  private long registered(Outbox.Pending chunk) {
    Long id = catalog.find(chunk.agentId(), chunk.series());
    if (id == null) {
      throw new IllegalStateException(
          "series not registered: " + chunk.agentId() + " " + chunk.series());
    }
    return id;
  }

  /**
   * The bound on what a {@code kill -9} loses is the flush interval: what this flush committed must
   * not wait in the database's memory. Committed either way, so a failure here is not a failed
   * flush (that would write its chunks again).
   */
  private void persistCommitted(Connection connection) {
    try {
      Dialect.of(connection).persistCommitted(connection);
    } catch (SQLException e) {
      if (!persistWarned) {
        persistWarned = true;
        LOG.log(
            Level.WARNING,
            "The database did not write the history flush out at once ({0}); a kill -9 of the"
                + " server may lose up to the database's write delay beyond the flush interval",
            e.getMessage());
      }
    }
  }

  /**
   * Marks each agent's done records and deletes the start of this writer's log up to the first
   * record still needed (by any of its agents): one range delete instead of a row at a time.
   */
  private void deleteDone(
      Connection connection, Map<String, List<Long>> deletions, List<TailTable.Row> newTails)
      throws SQLException {
    if (deletions.isEmpty()) {
      return;
    }
    Map<String, Long> doneThrough = new HashMap<>();
    deletions.forEach((agent, seqs) -> doneThrough.put(agent, seqs.get(seqs.size() - 1)));
    TailMarks.raise(connection, writerId, doneThrough);
    long firstNeeded = tails.firstNeeded(deletions);
    for (TailTable.Row row : newTails) {
      firstNeeded = Math.min(firstNeeded, row.seq());
    }
    TailTable.deleteBefore(connection, writerId, firstNeeded);
    TailMarks.deleteBelow(connection, writerId, firstNeeded);
  }

  private void failed(Exception e) {
    if (!degraded) {
      LOG.log(
          Level.WARNING,
          "History writes failed; keeping up to the queue bound in memory and retrying: " + e,
          e);
    }
    degraded = true;
    lastError = e.toString();
  }

  private void recovered() {
    if (degraded) {
      LOG.info("History writes work again; the queued data was written");
    }
    degraded = false;
    lastError = null;
  }

  boolean degraded() {
    return degraded;
  }

  String lastError() {
    return lastError;
  }

  long writtenChunks() {
    return writtenChunks;
  }

  long lastFlushMillis() {
    return lastFlushMillis;
  }
}
