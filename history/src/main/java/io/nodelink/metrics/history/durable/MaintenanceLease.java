package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The row of {@code nl_history_lease} that lets one writer at a time run the database's maintenance
 * (merges, retention, budgets): two at once would merge the same chunks twice. Taken by an atomic
 * UPDATE that succeeds only if this writer holds it or it expired, so it works alike on every
 * database; a writer that dies holding it delays the others' maintenance by at most its duration.
 */
final class MaintenanceLease {

  private static final String NAME = "maintenance";

  /** Far longer than a pass (each does a bounded amount of work); kept short of the next pass. */
  static final long SECONDS = 600;

  private final DataSource dataSource;
  private final String writerId;

  MaintenanceLease(DataSource dataSource, String writerId) {
    this.dataSource = dataSource;
    this.writerId = writerId;
  }

  /** True if this writer holds the lease until {@code nowSeconds} + {@link #SECONDS}. */
  boolean take(long nowSeconds) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE nl_history_lease SET holder = ?, expires = ?"
                    + " WHERE name = ? AND (holder = ? OR expires <= ?)")) {
      connection.setAutoCommit(true);
      update.setString(1, writerId);
      update.setLong(2, nowSeconds + SECONDS);
      update.setString(3, NAME);
      update.setString(4, writerId);
      update.setLong(5, nowSeconds);
      return update.executeUpdate() == 1;
    }
  }

  /** Lets the next writer's pass run at once. */
  void release() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE nl_history_lease SET expires = 0 WHERE name = ? AND holder = ?")) {
      connection.setAutoCommit(true);
      update.setString(1, NAME);
      update.setString(2, writerId);
      update.executeUpdate();
    }
  }
}
