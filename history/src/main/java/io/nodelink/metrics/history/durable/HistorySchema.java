package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and migrates the history's tables with Flyway. The history keeps its own schema-history
 * table, so the application's other migrations (with theirs) never clash with it.
 */
final class HistorySchema {

  static final String HISTORY_TABLE = "nodelink_history_schema_history";
  static final String LOCATION = "classpath:io/nodelink/metrics/history/durable/db";

  private HistorySchema() {}

  static void migrate(DataSource dataSource) throws SQLException {
    Dialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.of(connection);
    }
    Flyway.configure(HistorySchema.class.getClassLoader())
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .locations(LOCATION)
        .placeholders(Map.of("binary", dialect.binaryType()))
        // The schema may already hold the application's other tables.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
