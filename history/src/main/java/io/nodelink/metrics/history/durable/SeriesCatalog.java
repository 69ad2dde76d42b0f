package io.nodelink.metrics.history.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the stored series, all in memory (a few tens of bytes per series). Readers look ids up
 * concurrently; the writer registers series, and publishes them once their rows are committed. Ids
 * come from the shared {@code series} counter, so writers sharing the database never take the same.
 */
final class SeriesCatalog {

  /** Registration meets another writer's at most this often in a row before the flush fails. */
  private static final int REGISTER_ATTEMPTS = 3;

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Long>> byAgent =
      new ConcurrentHashMap<>();

  void load(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT id, agent_id, name FROM nl_history_series");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        publish(rows.getString(2), rows.getString(3), rows.getLong(1));
      }
    }
  }

  /** Adds the agent's stored series, some of which another writer may have registered. */
  void loadAgent(Connection connection, String agentId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id, name FROM nl_history_series WHERE agent_id = ?")) {
      select.setString(1, agentId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          publish(agentId, rows.getString(2), rows.getLong(1));
        }
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

  /**
   * Registers the series not in the catalog yet, in a transaction of its own (committed before the
   * flush that needs them). A series another writer registered meanwhile makes the insert fail:
   * then the agents' series are read back, adopting that writer's ids, and the rest is tried again.
   */
  void register(Connection connection, Map<String, Set<String>> series) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Map<String, Set<String>> missing = missing(series);
      if (missing.isEmpty()) {
        return;
      }
      try {
        insert(connection, missing);
        return;
      } catch (SQLException e) {
        if (attempt == REGISTER_ATTEMPTS) {
          throw e;
        }
        for (String agent : missing.keySet()) {
          loadAgent(connection, agent);
        }
      }
    }
  }

  /** The series not in the catalog, sorted: writers insert in one order and never deadlock. */
  private Map<String, Set<String>> missing(Map<String, Set<String>> series) {
    Map<String, Set<String>> missing = new TreeMap<>();
    series.forEach(
        (agent, names) -> {
          for (String name : names) {
            if (find(agent, name) == null) {
              missing.computeIfAbsent(agent, a -> new TreeSet<>()).add(name);
            }
          }
        });
    return missing;
  }

  /**
   * Inserts the series with ids taken from the shared counter (batched: at start-up a fleet
   * registers hundreds of thousands of series, one round trip each was most of the first flushes'
   * time).
   */
  private void insert(Connection connection, Map<String, Set<String>> missing) throws SQLException {
    long count = missing.values().stream().mapToLong(Set::size).sum();
    long id = SharedCounter.take(connection, SharedCounter.SERIES, count);
    Map<String, Map<String, Long>> added = new TreeMap<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO nl_history_series (id, agent_id, name) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, Set<String>> agent : missing.entrySet()) {
        for (String name : agent.getValue()) {
          insert.setLong(1, id);
          insert.setString(2, agent.getKey());
          insert.setString(3, name);
          insert.addBatch();
          added.computeIfAbsent(agent.getKey(), a -> new HashMap<>()).put(name, id);
          id++;
        }
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    added.forEach(
        (agent, names) -> names.forEach((name, seriesId) -> publish(agent, name, seriesId)));
  }

  private void publish(String agentId, String series, long id) {
    byAgent.computeIfAbsent(agentId, a -> new ConcurrentHashMap<>()).put(series, id);
  }
}
