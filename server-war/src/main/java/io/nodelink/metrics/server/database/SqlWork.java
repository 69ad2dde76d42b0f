package io.nodelink.metrics.server.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one connection that answers something: a repository's read. */
@FunctionalInterface
public interface SqlWork<T> {

  T apply(Connection connection) throws SQLException;
}
