package io.nodelink.metrics.server.database;

import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The server's state database, the dataSource {@code jdbc/nodelink} of {@code server.xml}
 * (non-transactional: every write commits its own transaction). Migrates the schema before the
 * first use and again after a failure; reads run on the caller's thread, writes are queued by key
 * and applied off it ({@link WriteQueue}), so a slow or absent database never blocks a request or
 * an agent's stream. At shutdown the queue is written out on the stopping thread. With {@code
 * nodelink.state.persist=false} it is off: nothing is read, written or migrated.
 */
@ApplicationScoped
public class StateDatabase {

  private static final Logger LOG = Logger.getLogger(StateDatabase.class.getName());

  private static final Duration RETRY_DELAY = Duration.ofSeconds(5);

  @Resource(lookup = "jdbc/nodelink")
  DataSource dataSource;

  /** Runs the write queue's drains: short JDBC work, like the ingestion it shares a pool with. */
  @Resource(lookup = "concurrent/nodelinkExecutor")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject ServerConfig config;

  private boolean enabled = true;
  private WriteQueue writes;
  private volatile boolean migrated;

  /** For CDI: the resources are injected, then {@link #open()} runs. */
  @Inject
  public StateDatabase() {}

  /** Outside a container (tests): the database and the threads the writes run on. */
  public StateDatabase(
      DataSource dataSource,
      Executor executor,
      ScheduledExecutorService scheduler,
      Duration retryDelay) {
    this.dataSource = dataSource;
    this.writes = new WriteQueue(this::connection, executor, scheduler, retryDelay);
  }

  @PostConstruct
  void open() {
    writes = new WriteQueue(this::connection, executor, scheduler, RETRY_DELAY);
    enabled = config.statePersist();
    if (!enabled) {
      LOG.log(
          Level.INFO,
          "State persistence is off ({0}=false): agents, tasks and holds live in memory only",
          ServerConfig.STATE_PERSIST);
      return;
    }
    try {
      ensureSchema();
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "The state database (jdbc/nodelink) is not available at start; the server runs from"
              + " memory and retries: {0}",
          e.getMessage());
    }
  }

  /** Created with the application, so the schema is migrated at start, not at first use. */
  void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.log(Level.FINE, "State database ready: {0}", migrated);
  }

  /** Writes out what is still queued before the dataSource goes away. */
  @PreDestroy
  void close() {
    if (enabled && !writes.flush()) {
      LOG.log(
          Level.WARNING,
          "The database is unavailable at shutdown; {0} state write(s) are lost",
          writes.pendingCount());
    }
  }

  /** False with {@code nodelink.state.persist=false}: repositories then load nothing. */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Runs a read on the caller's thread.
   *
   * @throws SQLException if the database is unavailable or the read fails
   */
  public <T> T read(SqlWork<T> work) throws SQLException {
    try (Connection connection = connection()) {
      return work.apply(connection);
    }
  }

  /** Queues {@code write} as the latest state of {@code key} (one row, or one set of rows). */
  public void write(String key, SqlWrite write) {
    if (enabled) {
      writes.submit(key, write);
    }
  }

  /**
   * Applies every queued write on the calling thread.
   *
   * @return true if none is left (false: the database is down)
   */
  public boolean flush() {
    return writes.flush();
  }

  /** Writes waiting for the database. */
  public int pendingWrites() {
    return writes.pendingCount();
  }

  /** Writes the database refused and that were dropped. */
  public long droppedWrites() {
    return writes.droppedCount();
  }

  /** Whether the last write found the database unavailable. */
  public boolean isDown() {
    return writes.isDown();
  }

  private Connection connection() throws SQLException {
    ensureSchema();
    return dataSource.getConnection();
  }

  private void ensureSchema() throws SQLException {
    if (migrated) {
      return;
    }
    synchronized (this) {
      if (!migrated) {
        int applied = SchemaMigration.migrate(dataSource);
        migrated = true;
        LOG.log(Level.INFO, "State database schema up to date ({0} migration(s) applied)", applied);
      }
    }
  }
}
