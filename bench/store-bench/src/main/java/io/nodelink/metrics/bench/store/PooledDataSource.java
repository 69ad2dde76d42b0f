package io.nodelink.metrics.bench.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps connections open between uses, as Liberty's connection pool does for the server: the store
 * asks for a connection per flush and per chunk read, and without a pool every one of them would
 * start a PostgreSQL backend (or open and close the H2 database), which the server never pays.
 */
final class PooledDataSource implements DataSource, AutoCloseable {

  private final DataSource target;
  private final Deque<Connection> idle = new ArrayDeque<>();

  PooledDataSource(DataSource target) {
    this.target = target;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical;
    synchronized (idle) {
      physical = idle.poll();
    }
    if (physical == null) {
      physical = target.getConnection();
    }
    return handle(physical);
  }

  /** A handle whose close() returns the connection to the pool, reset to auto-commit. */
  private Connection handle(Connection physical) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                release(physical);
                return null;
              }
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private void release(Connection physical) {
    try {
      if (physical.isClosed()) {
        return;
      }
      if (!physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // A connection the database closed (H2 after SHUTDOWN): not kept.
      return;
    }
    synchronized (idle) {
      idle.push(physical);
    }
  }

  /** Closes the idle connections (all of them, once the store is closed). */
  @Override
  public void close() {
    synchronized (idle) {
      for (Connection c : idle) {
        try {
          c.close();
        } catch (SQLException e) {
          // Already gone with the database.
        }
      }
      idle.clear();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool has one user");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // No driver logging in the benchmark.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // Connections are local.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
