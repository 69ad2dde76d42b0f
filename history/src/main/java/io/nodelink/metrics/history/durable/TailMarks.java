package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of {@code nl_history_tail_mark}: per writer and agent, the highest sequence number of its
 * tail records whose points are all in written chunks. Records at or below it are not replayed; the
 * range delete of {@link TailTable#deleteBefore} removes them later.
 */
final class TailMarks {

  private TailMarks() {}

  static Map<String, Long> load(Connection connection, String writerId) throws SQLException {
    Map<String, Long> marks = new TreeMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT agent_id, done_through FROM nl_history_tail_mark WHERE writer_id = ?")) {
      select.setString(1, writerId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          marks.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return marks;
  }

  /** Raises the writer's marks of these agents (an agent's first mark is inserted). */
  static void raise(Connection connection, String writerId, Map<String, Long> doneThrough)
      throws SQLException {
    if (doneThrough.isEmpty()) {
      return;
    }
    List<Map.Entry<String, Long>> marks = new ArrayList<>(new TreeMap<>(doneThrough).entrySet());
    int[] updated;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE nl_history_tail_mark SET done_through = ? WHERE writer_id = ? AND agent_id = ?")) {
      for (Map.Entry<String, Long> mark : marks) {
        update.setLong(1, mark.getValue());
        update.setString(2, writerId);
        update.setString(3, mark.getKey());
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_tail_mark (writer_id, agent_id, done_through)"
                + " VALUES (?, ?, ?)")) {
      boolean any = false;
      for (int i = 0; i < marks.size(); i++) {
        if (updated[i] == 0) {
          insert.setString(1, writerId);
          insert.setString(2, marks.get(i).getKey());
          insert.setLong(3, marks.get(i).getValue());
          insert.addBatch();
          any = true;
        }
      }
      if (any) {
        insert.executeBatch();
      }
    }
  }

  /** Deletes the writer's marks below {@code seq}: every record they cover is gone. */
  static void deleteBelow(Connection connection, String writerId, long seq) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM nl_history_tail_mark WHERE writer_id = ? AND done_through < ?")) {
      delete.setString(1, writerId);
      delete.setLong(2, seq);
      delete.executeUpdate();
    }
  }

  /** Deletes every mark of the writer (its records were adopted by another). */
  static void deleteAll(Connection connection, String writerId) throws SQLException {
    deleteBelow(connection, writerId, Long.MAX_VALUE);
  }
}
