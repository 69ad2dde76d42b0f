package io.nodelink.metrics.history.durable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The points of one agent in another writer's tail records, per series, one per second: a later
 * record's point of a second replaces an earlier one's, as a replay into memory would. One agent at
 * a time, so adopting a writer that held a fleet's open windows does not hold them all decoded.
 */
final class AdoptedPoints {

  private static final Logger LOG = Logger.getLogger(DurableHistoryStore.class.getName());

  private final String agentId;

  /** Series, second: value. */
  private final Map<String, TreeMap<Long, Double>> bySeries = new TreeMap<>();

  private int unreadable;
  private long dropped;

  private AdoptedPoints(String agentId) {
    this.agentId = agentId;
  }

  /**
   * Decodes the agent's records.
   *
   * @param rows the agent's records in sequence order
   * @param nameOfId the name of a series by catalog id
   */
  static AdoptedPoints decode(
      String agentId, List<TailTable.Row> rows, LongFunction<String> nameOfId) {
    AdoptedPoints points = new AdoptedPoints(agentId);
    rows.forEach(row -> points.add(row, nameOfId));
    return points;
  }

  private void add(TailTable.Row row, LongFunction<String> nameOfId) {
    try {
      TailCodec.decode(
          row.data(),
          nameOfId,
          (name, timestamp, value) ->
              bySeries.computeIfAbsent(name, n -> new TreeMap<>()).put(timestamp, value));
    } catch (RuntimeException e) {
      // As at a restart: one unreadable record must not block the others; its points are lost.
      if (unreadable++ == 0) {
        LOG.log(Level.WARNING, "Skipping an unreadable adopted tail record of " + agentId, e);
      }
    }
  }

  String agentId() {
    return agentId;
  }

  /** Per series, second: value. */
  Map<String, TreeMap<Long, Double>> series() {
    return bySeries;
  }

  /** The series the catalog has no id for (to register before they are written). */
  Set<String> unregistered(SeriesCatalog catalog) {
    Set<String> missing = new TreeSet<>();
    for (String name : bySeries.keySet()) {
      if (catalog.find(agentId, name) == null) {
        missing.add(name);
      }
    }
    return missing;
  }

  /**
   * Drops the points of these seconds of one series (stored or held by the adopting writer, whose
   * points win).
   */
  void drop(String series, long[] seconds) {
    TreeMap<Long, Double> points = bySeries.get(series);
    if (points == null) {
      return;
    }
    for (long second : seconds) {
      if (points.remove(second) != null) {
        dropped++;
      }
    }
  }

  long points() {
    long points = 0;
    for (TreeMap<Long, Double> values : bySeries.values()) {
      points += values.size();
    }
    return points;
  }

  long dropped() {
    return dropped;
  }
}
