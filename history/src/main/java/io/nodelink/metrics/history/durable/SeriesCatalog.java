package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the stored series, all in memory (a few tens of bytes per series). Readers look ids up
 * concurrently; only the writer adds series, and publishes them once their rows are committed.
 */
final class SeriesCatalog {

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Long>> byAgent =
      new ConcurrentHashMap<>();
  private long nextId = 1;

  void load(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT id, agent_id, name FROM nl_history_series");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        long id = rows.getLong(1);
        publish(rows.getString(2), rows.getString(3), id);
        nextId = Math.max(nextId, id + 1);
      }
    }
  }

  /** The id of a stored series, or null. */
  Long find(String agentId, String series) {
    Map<String, Long> names = byAgent.get(agentId);
    return names == null ? null : names.get(series);
  }

  Set<String> names(String agentId) {
    Map<String, Long> names = byAgent.get(agentId);
    return names == null ? Set.of() : new TreeSet<>(names.keySet());
  }

  Map<String, Long> ids(String agentId) {
    Map<String, Long> names = byAgent.get(agentId);
    return names == null ? Map.of() : Map.copyOf(names);
  }

  /** Every stored series' name by id (ids are unique across agents). */
  Map<Long, String> namesById() {
    Map<Long, String> names = new HashMap<>();
    byAgent.values().forEach(series -> series.forEach((name, id) -> names.put(id, name)));
    return names;
  }

  /** Series added in one write transaction, published when it commits. */
  final class Staged {
    private final Map<String, Map<String, Long>> added = new HashMap<>();
    private final PreparedStatement insert;

    Staged(Connection connection) throws SQLException {
      insert =
          connection.prepareStatement(
              "INSERT INTO nl_history_series (id, agent_id, name) VALUES (?, ?, ?)");
    }

    long idOf(String agentId, String series) throws SQLException {
      Long id = find(agentId, series);
      if (id == null) {
        id = added.computeIfAbsent(agentId, a -> new HashMap<>()).get(series);
      }
      if (id == null) {
        id = nextId++;
        insert.setLong(1, id);
        insert.setString(2, agentId);
        insert.setString(3, series);
        insert.addBatch();
        added.get(agentId).put(series, id);
      }
      return id;
    }

    /**
     * Sends the added series' rows (batched: at start-up a fleet registers hundreds of thousands of
     * series, one round trip each was most of the first flushes' time).
     */
    void insertAdded() throws SQLException {
      if (!added.isEmpty()) {
        insert.executeBatch();
      }
    }

    void committed() throws SQLException {
      added.forEach((agent, names) -> names.forEach((name, id) -> publish(agent, name, id)));
      close();
    }

    /** The transaction rolled back: its ids may be handed out again. */
    void rolledBack() throws SQLException {
      long lowest = nextId;
      for (Map<String, Long> names : added.values()) {
        for (long id : names.values()) {
          lowest = Math.min(lowest, id);
        }
      }
      nextId = lowest;
      close();
    }

    private void close() throws SQLException {
      insert.close();
    }
  }

  private void publish(String agentId, String series, long id) {
    byAgent.computeIfAbsent(agentId, a -> new ConcurrentHashMap<>()).put(series, id);
  }
}
