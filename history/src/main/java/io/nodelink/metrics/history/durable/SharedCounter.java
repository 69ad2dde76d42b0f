package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A row of {@code nl_history_counter} that every writer sharing the database takes blocks of
 * numbers from: the UPDATE that raises it locks the row until its transaction ends, so two writers
 * never get the same block.
 */
final class SharedCounter {

  static final String SEQ = "seq";
  static final String SERIES = "series";

  private SharedCounter() {}

  /**
   * Takes {@code count} numbers in a transaction of their own (the row stays locked only for it,
   * not for a flush).
   *
   * @return the first of them; the others follow it
   */
  static long take(Connection connection, String name, long count) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      long first = raise(connection, name, count) - count + 1;
      connection.commit();
      return first;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Raises the counter by {@code count} and returns its new value, in the caller's transaction. */
  private static long raise(Connection connection, String name, long count) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE nl_history_counter SET taken = taken + ? WHERE name = ?")) {
      update.setLong(1, count);
      update.setString(2, name);
      if (update.executeUpdate() != 1) {
        throw new SQLException("No counter " + name + " in nl_history_counter");
      }
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT taken FROM nl_history_counter WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
