package io.nodelink.metrics.history.durable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tail records in the database, per agent: sequence number and newest point of each, so the
 * writer knows which it may delete without asking the database. Written by the writer, read by
 * status reports.
 */
final class TailIndex {

  private final Map<String, TreeMap<Long, Long>> byAgent = new HashMap<>();

  synchronized void add(String agentId, long seq, long lastTs) {
    byAgent.computeIfAbsent(agentId, a -> new TreeMap<>()).put(seq, lastTs);
  }

  synchronized Set<String> agents() {
    return Set.copyOf(byAgent.keySet());
  }

  /**
   * The records of an agent written before {@code beforeSeq} holding only points before {@code
   * oldestKept}.
   */
  synchronized List<Long> deletable(String agentId, long beforeSeq, long oldestKept) {
    List<Long> seqs = new ArrayList<>();
    TreeMap<Long, Long> rows = byAgent.get(agentId);
    if (rows != null) {
      rows.headMap(beforeSeq)
          .forEach(
              (seq, lastTs) -> {
                if (lastTs < oldestKept) {
                  seqs.add(seq);
                }
              });
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

  synchronized int size() {
    int n = 0;
    for (TreeMap<Long, Long> rows : byAgent.values()) {
      n += rows.size();
    }
    return n;
  }
}
