package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of {@code nl_history_usage} and {@code nl_history_series_usage}: bytes of chunk data and
 * chunks per tier, and per series and tier, changed in the transaction of every insert and delete,
 * so sizes are read without scanning the chunk table.
 */
final class UsageTable {

  /** Row overhead (key columns, tuple header, index entries) counted per chunk. */
  static final long CHUNK_OVERHEAD = 64;

  private UsageTable() {}

  /**
   * Adds {@code bytes} and {@code chunks} to the tier's total and to each series' share of it.
   *
   * <p>Rows are updated in one order in every transaction (tiers in order, a tier's series by id,
   * then its total), so writers sharing the database wait for each other's counters instead of
   * deadlocking; each {@code x = x + ?} applies to the committed value, so the sums stay exact.
   *
   * @param bySeries per series id: bytes and chunks, both negative for deletes
   */
  static void add(Connection connection, Tier tier, Map<Long, long[]> bySeries)
      throws SQLException {
    long bytes = 0;
    long chunks = 0;
    List<Map.Entry<Long, long[]>> entries = new ArrayList<>(new TreeMap<>(bySeries).entrySet());
    int[] updated;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE nl_history_series_usage SET bytes = bytes + ?, chunks = chunks + ?"
                + " WHERE series_id = ? AND tier = ?")) {
      for (Map.Entry<Long, long[]> e : entries) {
        update.setLong(1, e.getValue()[0]);
        update.setLong(2, e.getValue()[1]);
        update.setLong(3, e.getKey());
        update.setShort(4, (short) tier.ordinal());
        update.addBatch();
        bytes += e.getValue()[0];
        chunks += e.getValue()[1];
      }
      updated = entries.isEmpty() ? new int[0] : update.executeBatch();
    }
    insertMissing(connection, tier, entries, updated);
    addToTier(connection, tier, bytes, chunks);
  }

  /**
   * A series gets its usage row of a tier with its first chunk of that tier (not when it is
   * registered: a fleet that connects registers hundreds of thousands of series at once, and most
   * of their coarse rows would wait an hour for a chunk).
   */
  private static void insertMissing(
      Connection connection, Tier tier, List<Map.Entry<Long, long[]>> entries, int[] updated)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_series_usage (series_id, tier, bytes, chunks)"
                + " VALUES (?, ?, ?, ?)")) {
      boolean any = false;
      for (int i = 0; i < entries.size(); i++) {
        if (updated[i] != 0) {
          continue; // updated, or a driver that does not say (SUCCESS_NO_INFO)
        }
        insert.setLong(1, entries.get(i).getKey());
        insert.setShort(2, (short) tier.ordinal());
        insert.setLong(3, entries.get(i).getValue()[0]);
        insert.setLong(4, entries.get(i).getValue()[1]);
        insert.addBatch();
        any = true;
      }
      if (any) {
        insert.executeBatch();
      }
    }
  }

  private static void addToTier(Connection connection, Tier tier, long bytes, long chunks)
      throws SQLException {
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
        bytes.put(tier, rows.getLong(2) + CHUNK_OVERHEAD * rows.getLong(3));
      }
    }
    return new ChunkTable.Usage(bytes, counts);
  }

  /** Bytes of one tier per agent, counted as {@link #read} counts a tier's. */
  static Map<String, Long> byAgent(Connection connection, Tier tier) throws SQLException {
    Map<String, Long> sizes = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT s.agent_id, SUM(u.bytes), SUM(u.chunks) FROM nl_history_series_usage u"
                + " JOIN nl_history_series s ON s.id = u.series_id"
                + " WHERE u.tier = ? GROUP BY s.agent_id")) {
      select.setShort(1, (short) tier.ordinal());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sizes.put(rows.getString(1), rows.getLong(2) + CHUNK_OVERHEAD * rows.getLong(3));
        }
      }
    }
    return sizes;
  }
}
