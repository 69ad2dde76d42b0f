package io.nodelink.metrics.history.durable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The two databases the store runs on, real ones: an H2 file database and a PostgreSQL server. */
enum TestDatabase {
  H2,
  POSTGRESQL;

  private static EmbeddedPostgres postgres;

  /** An empty database of this kind. */
  DataSource fresh() {
    return switch (this) {
      case H2 -> freshH2();
      case POSTGRESQL -> freshPostgres();
    };
  }

  private static DataSource freshH2() {
    try {
      Path dir = Files.createTempDirectory("nodelink-h2");
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(
          "jdbc:h2:file:" + dir.resolve("history") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
      return ds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized DataSource freshPostgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      DataSource ds = postgres.getPostgresDatabase();
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA public CASCADE");
        s.execute("CREATE SCHEMA public");
      }
      return ds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
