package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Keeps this writer's row in {@code nl_history_writer} fresh, so the others do not take it for dead
 * and adopt its records of unflushed points: refreshed first in every flush transaction that
 * writes, and on its own when flushes have had nothing to write for a while. A row that is gone
 * (another writer adopted this one while it stalled) is added again, and the writer goes on.
 */
final class WriterHeartbeat {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  private final String writerId;
  private final long idleEverySeconds;
  private long lastBeatSeconds = Long.MIN_VALUE;

  /**
   * @param idleEverySeconds how often an idle writer refreshes its row: well within the writer
   *     timeout
   */
  WriterHeartbeat(String writerId, long idleEverySeconds) {
    this.writerId = writerId;
    this.idleEverySeconds = idleEverySeconds;
  }

  /** A refresh frequent enough for {@code settings}' timeout, at most once per flush interval. */
  static WriterHeartbeat of(DurableSettings settings) {
    long third = settings.writerTimeout().toSeconds() / 3;
    long every = Math.max(1, Math.min(settings.flushInterval().toSeconds(), third));
    return new WriterHeartbeat(settings.writerId(), every);
  }

  /** Registers the writer at start-up (a restart with the same id finds its row). */
  synchronized void register(Connection connection, long nowSeconds) throws SQLException {
    WriterTable.register(connection, writerId);
    lastBeatSeconds = nowSeconds;
  }

  /**
   * Refreshes the row in the caller's transaction.
   *
   * @return true if the row was gone and is added again: another writer adopted this one's tail
   *     records while it stalled
   */
  synchronized boolean beat(Connection connection, long nowSeconds) throws SQLException {
    lastBeatSeconds = nowSeconds;
    if (WriterTable.beat(connection, writerId)) {
      return false;
    }
    WriterTable.insert(connection, writerId);
    LOG.warning(
        "History writer "
            + writerId
            + " had been taken for dead by another server (no flush within the writer timeout)"
            + " and its unflushed points adopted; registered again (its chunks of those points"
            + " replace the adopted ones, its minute and hour buckets leave them out)");
    return true;
  }

  /** True if an idle writer should refresh its row now. */
  synchronized boolean dueWhenIdle(long nowSeconds) {
    return lastBeatSeconds == Long.MIN_VALUE || nowSeconds - lastBeatSeconds >= idleEverySeconds;
  }
}
