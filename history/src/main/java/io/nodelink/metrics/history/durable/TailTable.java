package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/** The SQL of {@code nl_history_tail}: a log of records per writer. */
final class TailTable {

  private TailTable() {}

  /** One flush's unflushed points of one agent. */
  record Row(String agentId, long seq, long lastTs, byte[] data) {
    Row withSeq(long value) {
      return new Row(agentId, value, lastTs, data);
    }
  }

  /** Receives the stored rows in sequence order. */
  @FunctionalInterface
  interface RowSink {
    void accept(Row row);
  }

  static void insert(Connection connection, String writerId, Collection<Row> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_tail (writer_id, agent_id, seq, last_ts, data)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (Row row : rows) {
        insert.setString(1, writerId);
        insert.setString(2, row.agentId());
        insert.setLong(3, row.seq());
        insert.setLong(4, row.lastTs());
        insert.setBytes(5, row.data());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Deletes the writer's records numbered below {@code seq} (the start of its log). */
  static void deleteBefore(Connection connection, String writerId, long seq) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM nl_history_tail WHERE writer_id = ? AND seq < ?")) {
      delete.setString(1, writerId);
      delete.setLong(2, seq);
      delete.executeUpdate();
    }
  }

  /**
   * The writer's records not marked done (their points are not all in written chunks): what a
   * restart with its id replays, and what a writer adopting it writes as chunks.
   */
  static void readUndone(Connection connection, String writerId, RowSink sink) throws SQLException {
    Map<String, Long> done = TailMarks.load(connection, writerId);
    readAll(
        connection,
        writerId,
        row -> {
          // A done record's points are in written chunks; the log's range delete takes it.
          if (row.seq() > done.getOrDefault(row.agentId(), Long.MIN_VALUE)) {
            sink.accept(row);
          }
        });
  }

  /** Deletes every record of the writer (adopted by another). */
  static void deleteAll(Connection connection, String writerId) throws SQLException {
    deleteBefore(connection, writerId, Long.MAX_VALUE);
  }

  /** The writer's records (only its own: the others' belong to servers that may be running). */
  static void readAll(Connection connection, String writerId, RowSink sink) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT agent_id, seq, last_ts, data FROM nl_history_tail WHERE writer_id = ?"
                + " ORDER BY seq")) {
      select.setString(1, writerId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sink.accept(
              new Row(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getBytes(4)));
        }
      }
    }
  }
}
