package io.nodelink.metrics.server.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One write of a row's latest state, run in a transaction of its own. It must be idempotent (an
 * update-or-insert, a delete): after a failure it runs again, and a newer write of the same key
 * replaces it before it ran.
 */
@FunctionalInterface
public interface SqlWrite {

  void apply(Connection connection) throws SQLException;
}
