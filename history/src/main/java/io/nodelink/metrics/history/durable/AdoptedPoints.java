package io.nodelink.metrics.history.durable;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The points of another writer's tail records, per agent and series, one per second: a later
 * record's point of a second replaces an earlier one's, as a replay into memory would.
 */
final class AdoptedPoints {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  /** Agent, series, second: value. */
  private final Map<String, Map<String, TreeMap<Long, Double>>> byAgent = new TreeMap<>();

  private int records;
  private int unreadable;
  private long dropped;

  /**
   * Adds a record's points (records in sequence order).
   *
   * @param nameOfId the name of a series by catalog id
   */
  void add(TailTable.Row row, LongFunction<String> nameOfId) {
    records++;
    Map<String, TreeMap<Long, Double>> series =
        byAgent.computeIfAbsent(row.agentId(), a -> new TreeMap<>());
    try {
      TailCodec.decode(
          row.data(),
          nameOfId,
          (name, timestamp, value) ->
              series.computeIfAbsent(name, n -> new TreeMap<>()).put(timestamp, value));
    } catch (RuntimeException e) {
      // As at a restart: one unreadable record must not block the others; its points are lost.
      if (unreadable++ == 0) {
        LOG.log(Level.WARNING, "Skipping an unreadable adopted tail record of " + row.agentId(), e);
      }
    }
  }

  Set<String> agents() {
    return Set.copyOf(byAgent.keySet());
  }

  Map<String, TreeMap<Long, Double>> seriesOf(String agentId) {
    return byAgent.getOrDefault(agentId, Map.of());
  }

  /** The series the catalog has no id for, per agent (to register before they are written). */
  Map<String, Set<String>> unregistered(SeriesCatalog catalog) {
    Map<String, Set<String>> missing = new TreeMap<>();
    byAgent.forEach(
        (agent, series) ->
            series.keySet().stream()
                .filter(name -> catalog.find(agent, name) == null)
                .forEach(name -> missing.computeIfAbsent(agent, a -> new HashSet<>()).add(name)));
    return missing;
  }

  /**
   * Drops the points of these seconds of one series (stored or held by the adopting writer, whose
   * points win).
   *
   * @return how many were dropped
   */
  int drop(String agentId, String series, long[] seconds) {
    TreeMap<Long, Double> points = seriesOf(agentId).get(series);
    int dropped = 0;
    for (long second : seconds) {
      if (points != null && points.remove(second) != null) {
        dropped++;
      }
    }
    this.dropped += dropped;
    return dropped;
  }

  int records() {
    return records;
  }

  /** Points dropped so far. */
  long dropped() {
    return dropped;
  }

  int unreadable() {
    return unreadable;
  }

  long points() {
    long points = 0;
    for (Map<String, TreeMap<Long, Double>> series : byAgent.values()) {
      for (TreeMap<Long, Double> values : series.values()) {
        points += values.size();
      }
    }
    return points;
  }
}
