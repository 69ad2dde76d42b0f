package io.nodelink.metrics.history.compact;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The series of one agent. */
final class AgentHistory {

  private final ConcurrentHashMap<String, SeriesHistory> series = new ConcurrentHashMap<>();
  private final HistorySettings settings;
  private final MemoryAccount memory;
  private volatile boolean removed;

  AgentHistory(HistorySettings settings, MemoryAccount memory) {
    this.settings = settings;
    this.memory = memory;
  }

  SeriesHistory seriesFor(String name) {
    SeriesHistory existing = series.get(name);
    return existing != null
        ? existing
        : series.computeIfAbsent(name, n -> new SeriesHistory(n, this, settings, memory));
  }

  SeriesHistory get(String name) {
    return series.get(name);
  }

  Iterable<SeriesHistory> all() {
    return series.values();
  }

  Set<String> names() {
    return new TreeSet<>(series.keySet());
  }

  boolean isRemoved() {
    return removed;
  }

  /** Called by a series that eviction emptied. */
  void forget(SeriesHistory gone) {
    series.remove(gone.name(), gone);
  }

  /**
   * Marks the agent gone (appends racing with this retry on a fresh agent) and frees its series.
   */
  void remove() {
    removed = true;
    for (SeriesHistory s : series.values()) {
      s.remove();
    }
    series.clear();
  }
}
