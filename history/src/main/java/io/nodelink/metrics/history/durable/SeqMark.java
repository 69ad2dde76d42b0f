package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The highest sequence number handed out, kept in {@code nl_history_rollup} (row 0) with every
 * write transaction: at start-up the store continues above it without scanning the chunk table for
 * its maximum (a full scan: seconds at millions of chunks).
 */
final class SeqMark {

  private static final short ROW = 0;

  private SeqMark() {}

  static void save(Connection connection, long seq) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE nl_history_rollup SET done_through = ? WHERE tier = ? AND done_through < ?")) {
      update.setLong(1, seq);
      update.setShort(2, ROW);
      update.setLong(3, seq);
      if (update.executeUpdate() > 0 || exists(connection)) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_rollup (tier, done_through) VALUES (?, ?)")) {
      insert.setShort(1, ROW);
      insert.setLong(2, seq);
      insert.executeUpdate();
    }
  }

  /** The saved mark, or the highest sequence number in the tables (an older database). */
  static long load(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT done_through FROM nl_history_rollup WHERE tier = ?")) {
      select.setShort(1, ROW);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          return Math.max(rows.getLong(1), TailTable.maxSeq(connection));
        }
      }
    }
    return Math.max(ChunkTable.maxSeq(connection), TailTable.maxSeq(connection));
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM nl_history_rollup WHERE tier = ?")) {
      select.setShort(1, ROW);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
