package io.nodelink.metrics.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One empty database of one kind for one measurement, behind a connection pool, and how many bytes
 * the history's tables take on disk in it.
 */
abstract class Database implements AutoCloseable {

  /** The tables of the durable history. */
  static final String[] TABLES = {
    "nl_history_chunk", "nl_history_series", "nl_history_tail", "nl_history_rollup"
  };

  private PooledDataSource pool;

  /** The pooled data source the store is opened on. */
  final synchronized DataSource dataSource() throws SQLException {
    if (pool == null) {
      pool = new PooledDataSource(physical());
    }
    return pool;
  }

  /** Closes the pooled connections (before a shutdown or a compaction). */
  final synchronized void closePool() throws SQLException {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }

  abstract DataSource physical() throws SQLException;

  abstract String kind();

  /** Bytes on disk as the running server would leave them (no compaction). */
  abstract long bytesAsWritten() throws SQLException;

  /** Bytes on disk after a normal stop of the database (what a restarted server finds). */
  long bytesAfterStop() throws SQLException {
    return bytesAsWritten();
  }

  /** Bytes on disk after the database's own compaction (see {@link #compactionNote()}). */
  abstract long bytesCompacted() throws SQLException;

  /** How {@link #bytesAsWritten()} and {@link #bytesCompacted()} were measured. */
  abstract String compactionNote();

  /** Bytes per table, where the database can tell (else empty). */
  Map<String, Long> bytesByTable() throws SQLException {
    return Map.of();
  }

  /** CPU time the database server spent outside this JVM so far, nanoseconds (0: in-process). */
  long serverCpuNanos() {
    return 0;
  }

  /** Runs one statement. */
  final void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row of a query, as a long. */
  final long queryLong(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  @Override
  public void close() throws SQLException {
    closePool();
  }

  /** Sum of the sizes of the regular files below {@code dir}. */
  static long sizeOf(Path dir) {
    try (var files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return -1;
    }
  }

  /** PostgreSQL's per-table sizes: data, indexes and TOAST of every history table. */
  static Map<String, Long> relationSizes(Database db) throws SQLException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String table : TABLES) {
      sizes.put(table, db.queryLong("SELECT pg_total_relation_size('" + table + "')"));
    }
    return sizes;
  }
}
