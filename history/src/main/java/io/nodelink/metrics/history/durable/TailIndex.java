package io.nodelink.metrics.history.durable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * This writer's tail records in the database, per agent: sequence number and newest point of each,
 * so the writer knows which it may delete without asking the database. Written by the writer, read
 * by status reports.
 */
final class TailIndex {

  private final Map<String, TreeMap<Long, Long>> byAgent = new HashMap<>();

  synchronized void add(String agentId, long seq, long lastTs) {
    byAgent.computeIfAbsent(agentId, a -> new TreeMap<>()).put(seq, lastTs);
  }

  /** Every record: per agent, sequence number to newest point. */
  synchronized Map<String, TreeMap<Long, Long>> records() {
    Map<String, TreeMap<Long, Long>> copy = new HashMap<>();
    byAgent.forEach((agent, rows) -> copy.put(agent, new TreeMap<>(rows)));
    return copy;
  }

  /** Forgets these records (another writer adopted them). */
  synchronized void removeAll(Map<String, TreeMap<Long, Long>> records) {
    records.forEach((agent, rows) -> removed(agent, new ArrayList<>(rows.keySet())));
  }

  synchronized Set<String> agents() {
    return Set.copyOf(byAgent.keySet());
  }

  /**
   * The records of an agent (all written by earlier flushes) whose newest point {@code deletable}
   * accepts, in sequence order up to the first it does not (records come roughly in time order, so
   * a flush does not walk every record of every agent).
   */
  synchronized List<Long> deletable(String agentId, LongPredicate deletable) {
    List<Long> seqs = new ArrayList<>();
    TreeMap<Long, Long> rows = byAgent.get(agentId);
    if (rows != null) {
      for (Map.Entry<Long, Long> row : rows.entrySet()) {
        if (!deletable.test(row.getValue())) {
          break;
        }
        seqs.add(row.getKey());
      }
    }
    return seqs;
  }

  synchronized void removed(String agentId, List<Long> seqs) {
    TreeMap<Long, Long> rows = byAgent.get(agentId);
    if (rows != null) {
      seqs.forEach(rows::remove);
      if (rows.isEmpty()) {
        byAgent.remove(agentId);
      }
    }
  }

  /**
   * The lowest sequence number of a record still needed once {@code deletions} (prefixes of the
   * agents' records, from {@link #deletable}) are done, or {@code Long.MAX_VALUE} if none is.
   */
  synchronized long firstNeeded(Map<String, List<Long>> deletions) {
    long first = Long.MAX_VALUE;
    for (Map.Entry<String, TreeMap<Long, Long>> agent : byAgent.entrySet()) {
      List<Long> deleted = deletions.get(agent.getKey());
      Long needed =
          deleted == null || deleted.isEmpty()
              ? agent.getValue().firstKey()
              : agent.getValue().higherKey(deleted.get(deleted.size() - 1));
      if (needed != null) {
        first = Math.min(first, needed);
      }
    }
    return first;
  }

  synchronized int size() {
    int n = 0;
    for (TreeMap<Long, Long> rows : byAgent.values()) {
      n += rows.size();
    }
    return n;
  }
}
