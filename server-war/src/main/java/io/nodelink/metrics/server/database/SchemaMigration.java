package io.nodelink.metrics.server.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and migrates the server-state tables with Flyway. The history engine migrates its own
 * tables in the same database with its own schema-history table, so each set baselines an empty
 * history at version 0 when it finds the other's tables already there.
 *
 * <p>Inside Liberty (the WAR's classes in an EAR, URLs of protocol {@code wsjar}) Flyway finds the
 * migrations only through the empty marker file {@code flyway.location} in their folder; without
 * it, it finds none and reports success. So a missing location fails here, and so does a schema
 * left without the server's tables.
 */
public final class SchemaMigration {

  /** Where the server's migrations live on the WAR's class path. */
  public static final String LOCATION = "classpath:db/nodelink-server";

  /** The server's own Flyway schema-history table. */
  public static final String HISTORY_TABLE = "nodelink_server_schema_history";

  private SchemaMigration() {}

  /**
   * Brings the schema up to date.
   *
   * @return how many migrations ran
   * @throws SQLException if the database cannot be reached or a migration fails
   */
  public static int migrate(DataSource dataSource) throws SQLException {
    Map<String, String> placeholders = Map.of("bytes_type", bytesType(dataSource));
    try {
      Flyway flyway =
          Flyway.configure(SchemaMigration.class.getClassLoader())
              .dataSource(dataSource)
              .locations(LOCATION)
              .callbackLocations(LOCATION)
              .failOnMissingLocations(true)
              .table(HISTORY_TABLE)
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .placeholders(placeholders)
              .load();
      MigrateResult result = flyway.migrate();
      MigrationInfo current = flyway.info().current();
      if (current == null || !current.getVersion().isNewerThan("0")) {
        throw new SQLException("no server-state migration applied from " + LOCATION);
      }
      return result.migrationsExecuted;
    } catch (RuntimeException e) {
      throw new SQLException("schema migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * The column type for protobuf bytes: H2 limits {@code VARBINARY} to 1 MiB (a system info with
   * many packages is more), PostgreSQL has no {@code BLOB} but an unbounded {@code BYTEA}.
   */
  static String bytesType(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("postgres") ? "BYTEA" : "BLOB";
    }
  }
}
