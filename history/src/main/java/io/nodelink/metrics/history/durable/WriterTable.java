package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The SQL of {@code nl_history_writer}: one row per live writer, refreshed by its flushes, deleted
 * by the writer that adopts it once it is taken for dead (see {@link WriterLiveness}).
 */
final class WriterTable {

  /**
   * The database's clock in epoch milliseconds (H2 and PostgreSQL alike): rows are compared by one
   * clock, whatever the servers' clocks say.
   */
  static final String DATABASE_NOW_MILLIS =
      "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";

  private WriterTable() {}

  /**
   * Refreshes the writer's row, in the caller's transaction: first in a flush's transaction, so an
   * adopter's claim waits for the flush and then finds the beat changed.
   *
   * @return false if the writer has no row (never registered, or adopted while it stalled)
   */
  static boolean beat(Connection connection, String writerId) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE nl_history_writer SET seen_at = "
                + DATABASE_NOW_MILLIS
                + ", beat = beat + 1 WHERE writer_id = ?")) {
      update.setString(1, writerId);
      return update.executeUpdate() == 1;
    }
  }

  /** Adds the writer's row (it has none: see {@link #beat}). */
  static void insert(Connection connection, String writerId) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_writer (writer_id, seen_at, beat) VALUES (?, "
                + DATABASE_NOW_MILLIS
                + ", 1)")) {
      insert.setString(1, writerId);
      insert.executeUpdate();
    }
  }

  /**
   * Refreshes the writer's row, adding it if there is none (update, else insert: as the other
   * per-writer rows).
   *
   * @return false if the row had to be added
   */
  static boolean register(Connection connection, String writerId) throws SQLException {
    if (beat(connection, writerId)) {
      return true;
    }
    insert(connection, writerId);
    return false;
  }

  /**
   * Claims a writer taken for dead, in the adopter's transaction: deletes its row if it still has
   * the beat read by the liveness query. The row stays locked until that transaction ends, so of
   * two claimers one deletes it and the other's delete finds nothing, and a writer that comes back
   * meanwhile either beats first (the claim finds another beat) or finds its row gone.
   *
   * @return true if this transaction claimed it
   */
  static boolean claim(Connection connection, WriterLiveness.Silent writer) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM nl_history_writer WHERE writer_id = ? AND beat = ?")) {
      delete.setString(1, writer.writerId());
      delete.setLong(2, writer.beat());
      return delete.executeUpdate() == 1;
    }
  }
}
