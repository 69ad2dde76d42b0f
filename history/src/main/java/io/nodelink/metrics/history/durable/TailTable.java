package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/** The SQL of {@code nl_history_tail}. */
final class TailTable {

  private TailTable() {}

  /** One flush's unflushed points of one agent. */
  record Row(String agentId, long seq, long lastTs, byte[] data) {}

  /** Receives the stored rows in sequence order. */
  @FunctionalInterface
  interface RowSink {
    void accept(Row row);
  }

  static void insert(Connection connection, Collection<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_tail (agent_id, seq, last_ts, data) VALUES (?, ?, ?, ?)")) {
      for (Row row : rows) {
        insert.setString(1, row.agentId());
        insert.setLong(2, row.seq());
        insert.setLong(3, row.lastTs());
        insert.setBytes(4, row.data());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Deletes every record numbered below {@code seq} (the start of the log). */
  static void deleteBefore(Connection connection, long seq) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM nl_history_tail WHERE seq < ?")) {
      delete.setLong(1, seq);
      delete.executeUpdate();
    }
  }

  static void readAll(Connection connection, RowSink sink) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT agent_id, seq, last_ts, data FROM nl_history_tail ORDER BY seq");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        sink.accept(new Row(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getBytes(4)));
      }
    }
  }

  static long maxSeq(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT MAX(seq) FROM nl_history_tail");
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }
}
