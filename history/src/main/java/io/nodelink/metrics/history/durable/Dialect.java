package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What differs between the databases the store runs on: the binary column type, and what makes a
 * commit survive the death of the process.
 */
enum Dialect {
  /**
   * H2 keeps committed transactions in memory for up to its write delay (500 ms by default, longer
   * when its writer thread does not get the CPU) before writing them to the file: a {@code kill -9}
   * loses them. {@code CHECKPOINT} writes them out now.
   */
  H2("VARBINARY") {
    @Override
    void persistCommitted(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT");
      }
    }
  },
  /** A commit is in the write-ahead log when it returns. */
  POSTGRESQL("BYTEA");

  private final String binaryType;

  Dialect(String binaryType) {
    this.binaryType = binaryType;
  }

  String binaryType() {
    return binaryType;
  }

  /** Makes what {@code connection} committed survive the end of this process. */
  void persistCommitted(Connection connection) throws SQLException {}

  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new SQLException("Unsupported database for the history: " + product);
  }
}
