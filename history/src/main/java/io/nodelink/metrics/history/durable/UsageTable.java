package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SQL of {@code nl_history_usage}: bytes of chunk data and chunks per tier, changed in the
 * transaction of every insert and delete, so sizes are read without scanning the chunk table.
 */
final class UsageTable {

  private UsageTable() {}

  static void add(Connection connection, Tier tier, long bytes, long chunks) throws SQLException {
    if (bytes == 0 && chunks == 0) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE nl_history_usage SET bytes = bytes + ?, chunks = chunks + ? WHERE tier = ?")) {
      update.setLong(1, bytes);
      update.setLong(2, chunks);
      update.setShort(3, (short) tier.ordinal());
      update.executeUpdate();
    }
  }

  static ChunkTable.Usage read(Connection connection) throws SQLException {
    Map<Tier, Long> bytes = new EnumMap<>(Tier.class);
    Map<Tier, Long> counts = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      bytes.put(tier, 0L);
      counts.put(tier, 0L);
    }
    try (PreparedStatement select =
            connection.prepareStatement("SELECT tier, bytes, chunks FROM nl_history_usage");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Tier tier = Tier.values()[rows.getShort(1)];
        counts.put(tier, rows.getLong(3));
        // Row overhead (key columns, tuple header, index entries) counted at 64 bytes.
        bytes.put(tier, rows.getLong(2) + 64 * rows.getLong(3));
      }
    }
    return new ChunkTable.Usage(bytes, counts);
  }
}
