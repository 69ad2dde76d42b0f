package io.nodelink.metrics.bench.store;

import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.history.durable.DurableHistoryStore;
import io.nodelink.metrics.history.durable.DurableSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Opens the durable store as the server does (its defaults), and reads what it stored. */
final class BenchStores {

  /** The chunk window of the default settings, seconds. */
  static final long WINDOW = HistorySettings.DEFAULT_CHUNK_WINDOW.toSeconds();

  static final long DAY = 86_400;

  /** A UTC midnight: 2027-01-15. */
  static final long MIDNIGHT = 1_799_971_200L;

  private BenchStores() {}

  /** The server's settings; budget passes on the calling thread, as the benchmark has one. */
  static DurableHistoryStore open(Database db, BenchClock clock, HistorySettings memory)
      throws SQLException {
    return DurableHistoryStore.open(
        db.dataSource(), memory, DurableSettings.defaults(), Runnable::run, clock);
  }

  static DurableHistoryStore open(Database db, BenchClock clock) throws SQLException {
    return open(db, clock, HistorySettings.defaults());
  }

  /** Chunks per tier: count and payload bytes (the compressed data alone). */
  record TierStats(long chunks, long payloadBytes) {}

  static Map<String, TierStats> tiers(Database db) throws SQLException {
    Map<String, TierStats> stats = new TreeMap<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT tier, COUNT(*), SUM(OCTET_LENGTH(data)) FROM nl_history_chunk"
                    + " GROUP BY tier ORDER BY tier")) {
      while (rows.next()) {
        String name =
            switch (rows.getInt(1)) {
              case 0 -> "raw";
              case 1 -> "minute";
              case 2 -> "hour";
              default -> "tier " + rows.getInt(1);
            };
        stats.put(rows.getInt(1) + " " + name, new TierStats(rows.getLong(2), rows.getLong(3)));
      }
    }
    return stats;
  }
}
