package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.SeriesPoints;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes what memory holds that the database does not, in one transaction per flush: sealed chunks
 * (with their minute and hour buckets), one tail record per agent with the points appended since
 * the last flush, and the deletion of tail records whose points are all in written chunks. A failed
 * flush keeps everything for the next one.
 *
 * <p>Why a tail record may go: the oldest unsealed point of its agent is looked up first, then the
 * chunks sealed so far are taken; a record older than that point and written by an earlier flush
 * holds only points whose chunks were sealed before this flush began, so they are in this
 * transaction or an earlier one.
 */
final class StoreWriter {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  private final DataSource dataSource;
  private final CompactHistoryStore memory;
  private final SeriesCatalog catalog;
  private final Outbox outbox;
  private final TailIndex tails;
  private final long graceSeconds;
  private final long windowSeconds;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean degraded;
  private volatile String lastError;
  private volatile long writtenChunks;
  private volatile long lastFlushMillis;

  StoreWriter(
      DataSource dataSource,
      CompactHistoryStore memory,
      SeriesCatalog catalog,
      Outbox outbox,
      TailIndex tails,
      long graceSeconds,
      long windowSeconds) {
    this.dataSource = dataSource;
    this.memory = memory;
    this.catalog = catalog;
    this.outbox = outbox;
    this.tails = tails;
    this.graceSeconds = graceSeconds;
    this.windowSeconds = windowSeconds;
  }

  /**
   * One flush; a flush already running makes this one wait.
   *
   * @return true if everything held was written
   */
  boolean flush(long nowSeconds) {
    lock.lock();
    try {
      long started = System.nanoTime();
      memory.sealEndedWindows(nowSeconds - graceSeconds);
      Map<String, Long> oldestUnsealed = new HashMap<>();
      for (String agent : tails.agents()) {
        oldestUnsealed.put(agent, memory.oldestUnsealed(agent));
      }
      long flushStart = outbox.currentSeq() + 1;
      // Unflushed points first, chunks second: a point left out of the records because its chunk
      // was sealed meanwhile has that chunk in this flush.
      memory.drainUnflushed(this::addTails);
      outbox.takeIncoming();
      outbox.enforceBound();
      boolean ok = write(oldestUnsealed, flushStart);
      if (ok) {
        lastFlushMillis = (System.nanoTime() - started) / 1_000_000;
      }
      return ok;
    } finally {
      lock.unlock();
    }
  }

  /**
   * One record per chunk window: a record then holds points of one window only, and goes as soon as
   * that window's chunks are written (a record spanning two windows would be replayed after a crash
   * with points of a written window, counting them twice in the minute and hour buckets).
   */
  private void addTails(String agentId, List<SeriesPoints> points) {
    Map<Long, List<SeriesPoints>> byWindow = new java.util.TreeMap<>();
    for (SeriesPoints series : points) {
      Map<Long, int[]> counts = new HashMap<>();
      for (long t : series.timestamps()) {
        counts.computeIfAbsent(Math.floorDiv(t, windowSeconds), w -> new int[1])[0]++;
      }
      if (counts.size() == 1) {
        byWindow
            .computeIfAbsent(counts.keySet().iterator().next(), w -> new ArrayList<>())
            .add(series);
        continue;
      }
      counts.forEach(
          (window, n) ->
              byWindow
                  .computeIfAbsent(window, w -> new ArrayList<>())
                  .add(slice(series, window, n[0])));
    }
    byWindow
        .values()
        .forEach(
            list ->
                outbox.addTail(
                    new TailTable.Row(
                        agentId,
                        outbox.nextSeq(),
                        TailCodec.newest(list),
                        TailCodec.encode(list))));
  }

  private SeriesPoints slice(SeriesPoints series, long window, int n) {
    long[] timestamps = new long[n];
    double[] values = new double[n];
    int k = 0;
    for (int i = 0; i < series.size(); i++) {
      if (Math.floorDiv(series.timestamps()[i], windowSeconds) == window) {
        timestamps[k] = series.timestamps()[i];
        values[k++] = series.values()[i];
      }
    }
    return new SeriesPoints(series.series(), timestamps, values);
  }

  private boolean write(Map<String, Long> oldestUnsealed, long flushStart) {
    List<Outbox.Pending> chunks = new ArrayList<>(outbox.chunks());
    List<TailTable.Row> newTails = new ArrayList<>(outbox.tails());
    Map<String, List<Long>> deletions = new HashMap<>();
    oldestUnsealed.forEach(
        (agent, oldest) -> {
          List<Long> seqs = tails.deletable(agent, flushStart, oldest);
          if (!seqs.isEmpty()) {
            deletions.put(agent, seqs);
          }
        });
    if (chunks.isEmpty() && newTails.isEmpty() && deletions.isEmpty()) {
      recovered();
      return true;
    }
    SeriesCatalog.Staged staged = null;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        staged = catalog.new Staged(connection);
        List<ChunkTable.Row> rows = new ArrayList<>(chunks.size());
        for (Outbox.Pending p : chunks) {
          rows.add(
              new ChunkTable.Row(
                  staged.idOf(p.agentId(), p.series()), p.tier(), p.seq(), p.chunk()));
        }
        ChunkTable.insert(connection, rows);
        TailTable.insert(connection, newTails);
        for (Map.Entry<String, List<Long>> e : deletions.entrySet()) {
          TailTable.delete(connection, e.getKey(), e.getValue());
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      staged.committed();
    } catch (SQLException | RuntimeException e) {
      failed(e, staged);
      return false;
    }
    newTails.forEach(row -> tails.add(row.agentId(), row.seq(), row.lastTs()));
    deletions.forEach(tails::removed);
    writtenChunks += chunks.size();
    outbox.written();
    recovered();
    return true;
  }

  private void failed(Exception e, SeriesCatalog.Staged staged) {
    if (staged != null) {
      try {
        staged.rolledBack();
      } catch (SQLException ignored) {
        // The statement is gone with the connection.
      }
    }
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
