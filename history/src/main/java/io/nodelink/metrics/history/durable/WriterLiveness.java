package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Which writers sharing the database are dead: those whose row in {@code nl_history_writer} was not
 * refreshed for longer than the writer timeout, by the database's clock (the servers' clocks may
 * disagree; the database's is one clock for all). Writers without a row (from before the table
 * existed) are never dead.
 */
final class WriterLiveness {

  /** A writer taken for dead, with the beat its row had when it was read. */
  record Silent(String writerId, long beat, long silentMillis) {}

  private WriterLiveness() {}

  /** The writer other than {@code ownId} silent the longest beyond {@code timeout}, if any. */
  static Optional<Silent> longestSilent(Connection connection, String ownId, Duration timeout)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT writer_id, beat, "
                + WriterTable.DATABASE_NOW_MILLIS
                + " - seen_at FROM nl_history_writer"
                + " WHERE writer_id <> ? AND seen_at < "
                + WriterTable.DATABASE_NOW_MILLIS
                + " - ? ORDER BY seen_at, writer_id")) {
      select.setString(1, ownId);
      select.setLong(2, timeout.toMillis());
      select.setMaxRows(1);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next()
            ? Optional.of(new Silent(rows.getString(1), rows.getLong(2), rows.getLong(3)))
            : Optional.empty();
      }
    }
  }
}
