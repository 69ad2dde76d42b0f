package io.nodelink.metrics.server.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Row helpers shared by the repositories: instants as epoch milliseconds (portable: BIGINT on every
 * database), null as SQL NULL, and update-else-insert.
 */
public final class Rows {

  private Rows() {}

  /** Sets a statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs {@code update}, and {@code insert} if it changed no row, both bound by {@code binder}:
   * portable (no MERGE on PostgreSQL 14); the state database writes one key at a time, so the two
   * never race for one row.
   */
  public static void updateElseInsert(
      Connection connection, String update, String insert, Binder binder) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      binder.bind(statement);
      if (statement.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      binder.bind(statement);
      statement.executeUpdate();
    }
  }

  public static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, instant.toEpochMilli());
    }
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  /** {@code text} cut to {@code max} characters, "" for null: the columns are bounded. */
  public static String bounded(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max);
  }
}
