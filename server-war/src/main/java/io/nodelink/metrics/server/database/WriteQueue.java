package io.nodelink.metrics.server.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes waiting for the database, at most one per key (a row): a newer write of a key replaces the
 * waiting one and moves to the end, so the writes that run, in order, leave the same rows as all of
 * them would. One drain at a time applies them, each in its own transaction, on the executor; while
 * the database is down the writes wait and the drain retries after {@code retryDelay}. A write the
 * database refuses while it is up (a bad row) can never succeed and is dropped with a log entry.
 */
final class WriteQueue {

  private static final Logger LOG = Logger.getLogger(WriteQueue.class.getName());

  /** Gives a connection; throws while the database is down. */
  @FunctionalInterface
  interface Connections {
    Connection open() throws SQLException;
  }

  private final Connections connections;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final Duration retryDelay;
  private final Map<String, SqlWrite> pending = new LinkedHashMap<>();
  private final ReentrantLock drainLock = new ReentrantLock();
  private boolean drainScheduled;
  private boolean down;
  private long dropped;

  WriteQueue(
      Connections connections,
      Executor executor,
      ScheduledExecutorService scheduler,
      Duration retryDelay) {
    this.connections = connections;
    this.executor = executor;
    this.scheduler = scheduler;
    this.retryDelay = retryDelay;
  }

  /** Queues {@code write} as the latest state of {@code key}. */
  void submit(String key, SqlWrite write) {
    synchronized (this) {
      pending.remove(key);
      pending.put(key, write);
      if (drainScheduled) {
        return;
      }
      drainScheduled = true;
    }
    startDrain();
  }

  /** Writes waiting now. */
  synchronized int pendingCount() {
    return pending.size();
  }

  /** Writes dropped because the database refused them. */
  synchronized long droppedCount() {
    return dropped;
  }

  /** Whether the last attempt found the database down. */
  synchronized boolean isDown() {
    return down;
  }

  /**
   * Applies every waiting write on the calling thread (shutdown, tests).
   *
   * @return true if none is left waiting (false: the database is down)
   */
  boolean flush() {
    return drain();
  }

  private void startDrain() {
    try {
      executor.execute(this::drainScheduledRun);
    } catch (RejectedExecutionException e) {
      // The executor is saturated or stopping: try again later rather than lose the writes.
      scheduleRetry();
    }
  }

  private void drainScheduledRun() {
    synchronized (this) {
      drainScheduled = false;
    }
    if (drain()) {
      return;
    }
    synchronized (this) {
      if (drainScheduled) {
        return;
      }
      drainScheduled = true;
    }
    scheduleRetry();
  }

  private void scheduleRetry() {
    try {
      scheduler.schedule(this::startDrain, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Only while the server stops; the shutdown flush writes what is left.
      LOG.log(Level.FINE, "Write retry not scheduled: {0}", e.toString());
    }
  }

  /** Runs waiting writes until none is left or the database is down; false if it is down. */
  private boolean drain() {
    drainLock.lock();
    try {
      Map.Entry<String, SqlWrite> next;
      while ((next = first()) != null) {
        if (!runOne(next.getKey(), next.getValue())) {
          return false;
        }
      }
      return true;
    } finally {
      drainLock.unlock();
    }
  }

  private synchronized Map.Entry<String, SqlWrite> first() {
    Iterator<Map.Entry<String, SqlWrite>> it = pending.entrySet().iterator();
    if (!it.hasNext()) {
      return null;
    }
    Map.Entry<String, SqlWrite> head = it.next();
    return Map.entry(head.getKey(), head.getValue());
  }

  /** Runs one write; false if the database is down (the write stays waiting). */
  private boolean runOne(String key, SqlWrite write) {
    try (Connection connection = connections.open()) {
      if (!inTransaction(connection, key, write)) {
        return false;
      }
    } catch (SQLException e) {
      markDown(e);
      return false;
    }
    synchronized (this) {
      pending.remove(key, write);
      if (down) {
        down = false;
        LOG.log(Level.INFO, "The database is back; {0} state write(s) waiting", pending.size());
      }
    }
    return true;
  }

  /** True when the write is done with (committed or refused for good). */
  private boolean inTransaction(Connection connection, String key, SqlWrite write)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      write.apply(connection);
      connection.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      if (e instanceof SQLException sql && !connection.isValid(2)) {
        markDown(sql);
        return false;
      }
      synchronized (this) {
        dropped++;
      }
      LOG.log(Level.SEVERE, "The database refused the state write " + key + "; dropped", e);
      return true;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Rollback failed: {0}", e.toString());
    }
  }

  private void markDown(SQLException e) {
    boolean first;
    int waiting;
    synchronized (this) {
      first = !down;
      down = true;
      waiting = pending.size();
    }
    // Once per outage at WARNING, then quietly: a long outage must not flood the log.
    LOG.log(
        first ? Level.WARNING : Level.FINE,
        "The database is unavailable ({0}); {1} state write(s) wait and are retried every {2}",
        new Object[] {e.getMessage(), waiting, retryDelay});
  }
}
