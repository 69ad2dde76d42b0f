package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.compact.ColdHistory.Tier;
import io.nodelink.metrics.history.compact.EncodedChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SQL of {@code nl_history_chunk}. */
final class ChunkTable {

  private ChunkTable() {}

  /** A chunk to insert. */
  record Row(long seriesId, Tier tier, long seq, EncodedChunk chunk) {}

  static void insert(Connection connection, Collection<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_chunk"
                + " (series_id, tier, first_ts, last_ts, seq, point_count, data)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Row row : rows) {
        insert.setLong(1, row.seriesId());
        insert.setShort(2, (short) row.tier().ordinal());
        insert.setLong(3, row.chunk().first());
        insert.setLong(4, row.chunk().last());
        insert.setLong(5, row.seq());
        insert.setInt(6, row.chunk().count());
        insert.setBytes(7, row.chunk().data());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Map<Tier, Map<Long, long[]>> added = new EnumMap<>(Tier.class);
    for (Row row : rows) {
      long[] sum =
          added
              .computeIfAbsent(row.tier(), t -> new TreeMap<>())
              .computeIfAbsent(row.seriesId(), id -> new long[2]);
      sum[0] += row.chunk().data().length;
      sum[1]++;
    }
    for (Map.Entry<Tier, Map<Long, long[]>> e : added.entrySet()) {
      UsageTable.add(connection, e.getKey(), e.getValue());
    }
  }

  /**
   * The chunks of one series and tier holding a point in {@code [from, to]}, in write order. A
   * chunk starts at most {@code maxSpan} seconds before its last point.
   */
  static List<EncodedChunk> select(
      Connection connection, long seriesId, Tier tier, long from, long to, long maxSpan)
      throws SQLException {
    List<EncodedChunk> chunks = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT first_ts, last_ts, point_count, data FROM nl_history_chunk"
                + " WHERE series_id = ? AND tier = ? AND first_ts >= ? AND first_ts <= ?"
                + " AND last_ts >= ? ORDER BY seq")) {
      select.setLong(1, seriesId);
      select.setShort(2, (short) tier.ordinal());
      select.setLong(3, saturatedMinus(from, maxSpan));
      select.setLong(4, to);
      select.setLong(5, from);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          chunks.add(
              new EncodedChunk(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getBytes(4)));
        }
      }
    }
    return chunks;
  }

  /** The chunks of one series and tier whose first point is in {@code [from, to]}. */
  static List<EncodedChunk> selectStartingIn(
      Connection connection, long seriesId, Tier tier, long from, long to) throws SQLException {
    return select(connection, seriesId, tier, from, to, 0);
  }

  /** The series with chunks of {@code tier} starting in {@code [from, to]}. */
  static List<Long> seriesStartingIn(Connection connection, Tier tier, long from, long to)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT DISTINCT series_id FROM nl_history_chunk"
                + " WHERE tier = ? AND last_ts >= ? AND first_ts <= ?")) {
      select.setShort(1, (short) tier.ordinal());
      select.setLong(2, from);
      select.setLong(3, to);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  /**
   * Deletes the chunks of one series and tier starting in {@code [from, to]}, which are {@code
   * deleted} (as read in the same transaction).
   */
  static void deleteStartingIn(
      Connection connection,
      long seriesId,
      Tier tier,
      long from,
      long to,
      List<EncodedChunk> deleted)
      throws SQLException {
    long bytes = 0;
    for (EncodedChunk chunk : deleted) {
      bytes += chunk.data().length;
    }
    UsageTable.add(connection, tier, Map.of(seriesId, new long[] {-bytes, -deleted.size()}));
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM nl_history_chunk"
                + " WHERE series_id = ? AND tier = ? AND first_ts >= ? AND first_ts <= ?")) {
      delete.setLong(1, seriesId);
      delete.setShort(2, (short) tier.ordinal());
      delete.setLong(3, from);
      delete.setLong(4, to);
      delete.executeUpdate();
    }
  }

  /** The oldest first point over the given series, or {@code Long.MAX_VALUE}. */
  static long earliest(Connection connection, Collection<Long> seriesIds) throws SQLException {
    long earliest = Long.MAX_VALUE;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT MIN(first_ts) FROM nl_history_chunk WHERE series_id = ? AND tier = ?")) {
      for (long id : seriesIds) {
        for (Tier tier : Tier.values()) {
          select.setLong(1, id);
          select.setShort(2, (short) tier.ordinal());
          try (ResultSet rows = select.executeQuery()) {
            if (rows.next() && rows.getObject(1) != null) {
              earliest = Math.min(earliest, rows.getLong(1));
            }
          }
        }
      }
    }
    return earliest;
  }

  /** The oldest last point of a tier, or {@code Long.MAX_VALUE} if it is empty. */
  static long oldestLast(Connection connection, Tier tier) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT MIN(last_ts) FROM nl_history_chunk WHERE tier = ?")) {
      select.setShort(1, (short) tier.ordinal());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() && rows.getObject(1) != null ? rows.getLong(1) : Long.MAX_VALUE;
      }
    }
  }

  /** Deletes the chunks of a tier whose newest point is older than {@code cutoff}. */
  static int deleteOlderThan(Connection connection, Tier tier, long cutoff) throws SQLException {
    Map<Long, long[]> freed = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT series_id, SUM(OCTET_LENGTH(data)), COUNT(*) FROM nl_history_chunk"
                + " WHERE tier = ? AND last_ts < ? GROUP BY series_id")) {
      select.setShort(1, (short) tier.ordinal());
      select.setLong(2, cutoff);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          freed.put(rows.getLong(1), new long[] {-rows.getLong(2), -rows.getLong(3)});
        }
      }
    }
    if (freed.isEmpty()) {
      return 0;
    }
    UsageTable.add(connection, tier, freed);
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM nl_history_chunk WHERE tier = ? AND last_ts < ?")) {
      delete.setShort(1, (short) tier.ordinal());
      delete.setLong(2, cutoff);
      return delete.executeUpdate();
    }
  }

  /**
   * Deletes one agent's oldest chunks of a tier (by newest point) until at least {@code bytes}
   * (counted as {@link UsageTable} counts them) are freed.
   *
   * @return chunks deleted
   */
  static int deleteOldestOfAgent(Connection connection, Tier tier, String agentId, long bytes)
      throws SQLException {
    Map<Long, long[]> freed = new HashMap<>();
    int deleted = 0;
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT c.series_id, c.first_ts, c.seq, OCTET_LENGTH(c.data)"
                    + " FROM nl_history_chunk c JOIN nl_history_series s ON s.id = c.series_id"
                    + " WHERE s.agent_id = ? AND c.tier = ? ORDER BY c.last_ts, c.seq");
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM nl_history_chunk"
                    + " WHERE series_id = ? AND tier = ? AND first_ts = ? AND seq = ?")) {
      select.setString(1, agentId);
      select.setShort(2, (short) tier.ordinal());
      long left = bytes;
      try (ResultSet rows = select.executeQuery()) {
        while (left > 0 && rows.next()) {
          long length = rows.getLong(4);
          long[] sum = freed.computeIfAbsent(rows.getLong(1), id -> new long[2]);
          sum[0] -= length;
          sum[1]--;
          left -= length + UsageTable.CHUNK_OVERHEAD;
          delete.setLong(1, rows.getLong(1));
          delete.setShort(2, (short) tier.ordinal());
          delete.setLong(3, rows.getLong(2));
          delete.setLong(4, rows.getLong(3));
          delete.addBatch();
          deleted++;
        }
      }
      if (deleted > 0) {
        delete.executeBatch();
      }
    }
    UsageTable.add(connection, tier, freed);
    return deleted;
  }

  /**
   * Bytes and chunks per tier.
   *
   * @param bytes chunk data plus an estimated 64 bytes of row overhead per chunk
   * @param chunks chunks
   */
  record Usage(Map<Tier, Long> bytes, Map<Tier, Long> chunks) {
    long totalBytes() {
      return bytes.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The sizes kept in {@code nl_history_usage}. */
  static Usage usageByTier(Connection connection) throws SQLException {
    return UsageTable.read(connection);
  }

  static long saturatedMinus(long a, long b) {
    long result = a - b;
    return ((a ^ b) & (a ^ result)) < 0 ? Long.MIN_VALUE : result;
  }
}
