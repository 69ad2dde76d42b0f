package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.MaintenanceReport;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.history.compact.UnflushedBudget;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * History that survives restarts: a {@link CompactHistoryStore} answers the live path from memory;
 * its sealed chunks, their minute and hour buckets and a per-agent record of the points not yet in
 * a chunk are written to the database every flush interval, off the appending threads; queries
 * reaching before what memory holds completely read the database.
 *
 * <p>A graceful {@link #close()} writes everything. A crash loses at most the points appended since
 * the last flush. At start-up the records of unflushed points are replayed into memory. While the
 * database is down, appends and live queries go on from memory, writes wait up to {@link
 * DurableSettings#queueMaxBytes()} and are retried at every flush. A database that cannot be
 * reached at start-up is attached when it can: then the schema is migrated and the previous run's
 * unflushed points are merged into memory as late points.
 */
public final class DurableHistoryStore implements HistoryStore, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  /**
   * The unflushed points may hold this many times the write queue's bound: they arrive as every
   * snapshot does (~50 MB per flush interval at 20,000 agents at 1 s), where chunks seal at a
   * window's end.
   */
  private static final long UNFLUSHED_PER_QUEUE_BYTE = 4;

  private static final long NEVER = Long.MIN_VALUE;

  private final DataSource dataSource;
  private final String writerId;
  private final Clock clock;
  private final SeriesCatalog catalog = new SeriesCatalog();
  private final TailIndex tails = new TailIndex();
  private final WriterHeartbeat heartbeat;
  private final Outbox outbox;
  private final JdbcColdHistory cold;
  private final CompactHistoryStore memory;
  private final StoreWriter writer;
  private final TierMaintenance tiers;
  private final MaintenanceLease lease;
  private final TailAdoption adoption;
  private final ReentrantLock maintenance = new ReentrantLock();
  private final AtomicLong flushTicks = new AtomicLong();
  private final ReentrantLock attaching = new ReentrantLock();
  private final long attachRetrySeconds;
  private volatile boolean attached;
  private volatile String attachError;
  private long nextAttachSeconds;
  private volatile long diskBytes;
  private final UnflushedBudget unflushed;
  private long unflushedShedLogged;
  private long unflushedShedLoggedAtMillis = NEVER;
  private volatile boolean closed;

  private DurableHistoryStore(
      DataSource dataSource,
      HistorySettings memorySettings,
      DurableSettings settings,
      Executor budgetExecutor,
      Clock clock) {
    this.dataSource = dataSource;
    this.writerId = settings.writerId();
    this.clock = clock;
    this.outbox = new Outbox(settings.queueMaxBytes());
    SeqBlocks seqs = new SeqBlocks(dataSource);
    this.heartbeat = WriterHeartbeat.of(settings);
    this.cold =
        new JdbcColdHistory(
            dataSource,
            catalog,
            settings,
            memorySettings.chunkWindow().toSeconds(),
            this::nowSeconds);
    this.unflushed = new UnflushedBudget(UNFLUSHED_PER_QUEUE_BYTE * settings.queueMaxBytes());
    this.memory =
        new CompactHistoryStore(memorySettings, budgetExecutor, outbox::offerRaw, cold, unflushed);
    this.writer =
        new StoreWriter(
            dataSource,
            writerId,
            seqs,
            memory,
            catalog,
            outbox,
            tails,
            heartbeat,
            Math.max(1, settings.flushInterval().toSeconds()),
            memorySettings.chunkWindow().toSeconds(),
            () -> attached);
    this.tiers = new TierMaintenance(dataSource, settings, seqs);
    this.lease = new MaintenanceLease(dataSource, writerId);
    this.adoption =
        new TailAdoption(
            dataSource, settings, seqs, catalog, memory, memorySettings.chunkWindow().toSeconds());
    this.attachRetrySeconds = Math.max(1, settings.flushInterval().toSeconds());
  }

  /**
   * Creates or migrates the schema, loads the series catalog and replays the records of points not
   * yet in written chunks into memory.
   */
  public static DurableHistoryStore open(
      DataSource dataSource,
      HistorySettings memorySettings,
      DurableSettings settings,
      Executor budgetExecutor,
      Clock clock)
      throws SQLException {
    if (TierMaintenance.DAY % memorySettings.chunkWindow().toSeconds() != 0) {
      throw new IllegalArgumentException(
          "chunk window must divide a day: " + memorySettings.chunkWindow());
    }
    if (memorySettings.chunkSize() < memorySettings.chunkWindow().toSeconds()) {
      // The writer knows which points are in sealed chunks by their window alone; a chunk that
      // filled up before its window ended would break that.
      throw new IllegalArgumentException(
          "the raw chunk size must hold a whole chunk window of 1 s points: "
              + memorySettings.chunkSize()
              + " < "
              + memorySettings.chunkWindow().toSeconds());
    }
    if (memorySettings.rawRetention().compareTo(memorySettings.chunkWindow().multipliedBy(2)) < 0) {
      // Memory lets raw points go after its retention, open chunks included: a window longer than
      // half of it could lose points that were never sealed, hence never written.
      throw new IllegalArgumentException(
          "the raw retention in memory must be at least twice the chunk window: "
              + memorySettings.rawRetention()
              + " < 2 x "
              + memorySettings.chunkWindow());
    }
    warnIfWriterTimeoutIsShort(settings);
    long started = System.nanoTime();
    long startSeconds = clock.instant().getEpochSecond();
    DurableHistoryStore store;
    try {
      HistorySchema.migrate(dataSource);
      store = new DurableHistoryStore(dataSource, memorySettings, settings, budgetExecutor, clock);
      int replayed = store.restore();
      store.attached = true;
      LOG.log(
          Level.INFO,
          "History store opened in {0} ms: {1} unflushed points replayed from {2} records",
          new Object[] {(System.nanoTime() - started) / 1_000_000, replayed, store.tails.size()});
    } catch (SQLException e) {
      // The live path must not wait for a database: memory takes everything, the writes queue
      // up to their bound, and every flush tries to attach.
      store = new DurableHistoryStore(dataSource, memorySettings, settings, budgetExecutor, clock);
      store.attachError = e.toString();
      LOG.log(
          Level.WARNING,
          "History database not reachable at start-up; keeping history in memory and writing it"
              + " when the database can be reached: "
              + e,
          e);
    }
    // Before this run, only the database holds the history: older queries read it.
    store.memory.memoryCompleteFrom(startSeconds);
    if (settings.shared()) {
      // An agent may have been on another server before it came here, or move there later.
      store.memory.memoryCompletePerAgent(staleAfterSeconds(settings));
    }
    return store;
  }

  /**
   * A live writer refreshes its row once per flush interval at best: with a writer timeout not well
   * above it, the others would take it for dead and adopt what it is about to write itself.
   */
  private static void warnIfWriterTimeoutIsShort(DurableSettings settings) {
    if (settings.writerTimeout().compareTo(settings.flushInterval().multipliedBy(3)) < 0) {
      LOG.log(
          Level.WARNING,
          "History writer timeout {0} is less than 3 flush intervals ({1}): live servers may be"
              + " taken for dead and their unflushed points adopted while they still write them",
          new Object[] {settings.writerTimeout(), settings.flushInterval()});
    }
  }

  /**
   * How long after an agent's newest point here a query must ask the database too (the agent may
   * have moved to another server): a flush interval or two, at least a minute, so the queries of an
   * agent that sends every few seconds stay in memory.
   */
  private static long staleAfterSeconds(DurableSettings settings) {
    return Math.max(60, 2 * settings.flushInterval().toSeconds());
  }

  /**
   * Attaches the database that could not be reached at start-up, at most once per flush interval:
   * migrates the schema and merges the previous run's unflushed points into memory as late points
   * (their records stay until their chunks are written, so a crash in between replays them again).
   */
  private void attachIfDetached() {
    if (attached || !attaching.tryLock()) {
      return;
    }
    try {
      long now = nowSeconds();
      if (attached || now < nextAttachSeconds) {
        return;
      }
      nextAttachSeconds = now + attachRetrySeconds;
      HistorySchema.migrate(dataSource);
      int replayed = restore();
      attached = true;
      attachError = null;
      LOG.log(
          Level.INFO,
          "History database reachable: attached; {0} unflushed points of the previous run merged"
              + " from {1} records",
          new Object[] {replayed, tails.size()});
    } catch (SQLException | RuntimeException e) {
      attachError = e.toString();
    } finally {
      attaching.unlock();
    }
  }

  private int restore() throws SQLException {
    int[] points = new int[1];
    int[] unreadable = new int[1];
    try (Connection connection = dataSource.getConnection()) {
      // Before the records are read: a writer adopting this one (taken for dead while it was
      // away) either finds the beat changed, or has deleted the records read here.
      heartbeat.register(connection, nowSeconds());
      catalog.load(connection);
      Map<Long, String> namesById = catalog.namesById();
      // Only this writer's records: the others' belong to servers that may be running.
      TailTable.readUndone(
          connection,
          writerId,
          row -> {
            try {
              TailCodec.decode(
                  row.data(),
                  namesById::get,
                  (series, timestamp, value) -> {
                    memory.appendRestored(row.agentId(), series, timestamp, value);
                    points[0]++;
                  });
            } catch (RuntimeException e) {
              // One unreadable record must not keep the store (and every other agent's history)
              // from opening; its points are lost, which the log says.
              if (unreadable[0]++ == 0) {
                LOG.log(Level.WARNING, "Skipping an unreadable tail record of " + row.agentId(), e);
              }
            }
            tails.add(row.agentId(), row.seq(), row.lastTs());
          });
    }
    if (unreadable[0] > 0) {
      LOG.log(Level.WARNING, "{0} unreadable tail record(s) skipped", unreadable[0]);
    }
    return points[0];
  }

  @Override
  public void append(String agentId, String series, long timestampSeconds, double value) {
    memory.append(agentId, series, timestampSeconds, value);
  }

  @Override
  public void appendAll(String agentId, long timestampSeconds, SeriesBatch values) {
    memory.appendAll(agentId, timestampSeconds, values);
  }

  @Override
  public HistoryResult query(String agentId, RangeQuery query) {
    return memory.query(agentId, query);
  }

  @Override
  public Set<String> seriesOf(String agentId) {
    return memory.seriesOf(agentId);
  }

  /**
   * Frees the agent's memory. Its stored history stays until the tiers' retentions delete it, so an
   * agent that comes back finds it.
   */
  @Override
  public void removeAgent(String agentId) {
    memory.removeAgent(agentId);
  }

  /**
   * A flush (so no point leaves memory unwritten), memory retention and budget, then the
   * database's: merges of small coarse chunks, retention and size budget per tier, on one of the
   * servers sharing the database at a time (the holder of the {@link MaintenanceLease}).
   */
  @Override
  public MaintenanceReport maintain(long nowSeconds) {
    attachIfDetached();
    writer.flush(nowSeconds);
    MaintenanceReport report = memory.maintain(nowSeconds);
    if (!attached) {
      return report;
    }
    maintenance.lock();
    try {
      if (!lease.take(nowSeconds)) {
        LOG.fine("History database maintenance: another server runs it now");
        return report;
      }
      TierMaintenance.Report stored = runHoldingTheLease(nowSeconds);
      diskBytes = stored.diskBytes();
      cold.forgetEarliest();
      LOG.log(
          stored.deletedChunks() + stored.mergedSeries() > 0 ? Level.INFO : Level.FINE,
          "History database maintenance: merged the coarse chunks of {0} series, deleted {1}"
              + " chunks past retention or budget; ~{2} bytes stored",
          new Object[] {stored.mergedSeries(), stored.deletedChunks(), stored.diskBytes()});
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "History database maintenance failed; trying again next time", e);
    } finally {
      maintenance.unlock();
    }
    return report;
  }

  private TierMaintenance.Report runHoldingTheLease(long nowSeconds) throws SQLException {
    try {
      return tiers.run(nowSeconds);
    } finally {
      lease.release();
    }
  }

  /**
   * Writes sealed chunks and every agent's unflushed points (maintenance, close and tests; the
   * server flushes in slices, see {@link #flushSlice}).
   *
   * @return true if nothing is left waiting
   */
  public boolean flush() {
    attachIfDetached();
    boolean written = writer.flush(nowSeconds());
    warnOfUnflushedShed();
    return adoptAfter(written && attached);
  }

  /**
   * Writes the unflushed points of one of {@code slices} parts of the agents (by id) and every
   * sealed chunk; called {@code slices} times per flush interval, each agent's points are written
   * once per interval, and the fleet's flush work comes in small steps instead of one burst that
   * holds up ingestion.
   *
   * @return true if nothing is left waiting
   */
  public boolean flushSlice(int slices) {
    attachIfDetached();
    int slice = (int) Math.floorMod(flushTicks.getAndIncrement(), (long) slices);
    boolean written =
        writer.flush(
            nowSeconds(), agent -> slices <= 1 || Math.floorMod(agent.hashCode(), slices) == slice);
    warnOfUnflushedShed();
    return adoptAfter(written && attached);
  }

  /**
   * Says, at most once a minute, that the writer fell so far behind that the points waiting for it
   * went over their bound (see {@link UnflushedBudget}).
   */
  private synchronized void warnOfUnflushedShed() {
    long shed = unflushed.shedValues();
    long now = clock.millis();
    boolean loggedLately =
        unflushedShedLoggedAtMillis != NEVER && now - unflushedShedLoggedAtMillis < 60_000;
    if (shed == unflushedShedLogged || loggedLately) {
      return;
    }
    LOG.log(
        Level.WARNING,
        "History writer behind: the points waiting to be written went over {0} bytes; {1} values"
            + " are read back from memory when they are written instead of waiting as copies",
        new Object[] {unflushed.maxBytes(), shed - unflushedShedLogged});
    unflushedShedLogged = shed;
    unflushedShedLoggedAtMillis = now;
  }

  /**
   * After a flush that wrote everything, adopts the records of a writer taken for dead (at most
   * once per half writer timeout): not while this writer's own writes wait, nor once it closes.
   */
  private boolean adoptAfter(boolean written) {
    if (written && !closed) {
      long adopted = adoption.adoptedRecords();
      adoption.runIfDue(clock.millis());
      if (adoption.adoptedRecords() != adopted) {
        // The adopted chunks may start before an agent's earliest point known so far.
        cold.forgetEarliest();
      }
    }
    return written;
  }

  /** Writes everything; later appends are kept in memory only. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (!flush()) {
        LOG.warning(
            "History store closed with "
                + outbox.heldBytes()
                + " bytes not written: the database could not be reached");
      }
    }
  }

  public StoreStatus status() {
    String error = attached ? writer.lastError() : attachError;
    if (error == null) {
      error = cold.lastError();
    }
    return new StoreStatus(
        writer.degraded() || !attached,
        Optional.ofNullable(error),
        outbox.heldBytes(),
        outbox.heldChunks(),
        outbox.droppedChunks(),
        outbox.droppedValues(),
        outbox.droppedTails(),
        unflushed.shedValues(),
        writer.writtenChunks(),
        tails.size(),
        writer.lastFlushMillis(),
        diskBytes,
        adoption.adoptedRecords());
  }

  /** Memory's estimate (the database's size is in {@link #status()}). */
  @Override
  public long sizeBytes() {
    return memory.sizeBytes();
  }

  @Override
  public long valueCount() {
    return memory.valueCount();
  }

  /** The memory part, for statistics. */
  public CompactHistoryStore memory() {
    return memory;
  }

  private long nowSeconds() {
    return clock.instant().getEpochSecond();
  }
}
