package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases the store runs on: only the binary column type. */
enum Dialect {
  H2("VARBINARY"),
  POSTGRESQL("BYTEA");

  private final String binaryType;

  Dialect(String binaryType) {
    this.binaryType = binaryType;
  }

  String binaryType() {
    return binaryType;
  }

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
