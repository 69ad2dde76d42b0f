package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.SeriesBatch;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The series of one agent. */
final class AgentHistory {

  private final ConcurrentHashMap<String, SeriesHistory> series = new ConcurrentHashMap<>();
  private final String id;
  private final HistorySettings settings;
  private final MemoryAccount memory;
  private final ChunkListener listener;
  private final long windowPhase;
  private final UnflushedLog unflushed;
  private volatile boolean removed;

  /**
   * The series of the last snapshot, by position. Agents send the same names in the same order
   * snapshot after snapshot; with this a snapshot costs one array comparison instead of a map
   * look-up per value.
   */
  private volatile Layout layout;

  /**
   * @param names the snapshot the layout was made from
   * @param series the series of each position
   * @param nameArray a copy of the names, shared by the unflushed log's entries
   */
  record Layout(SeriesBatch names, SeriesHistory[] series, String[] nameArray) {}

  AgentHistory(
      String id,
      HistorySettings settings,
      MemoryAccount memory,
      ChunkListener listener,
      UnflushedBudget unflushedBudget) {
    this.id = id;
    this.settings = settings;
    this.memory = memory;
    this.listener = listener;
    this.windowPhase = ChunkWindows.phase(id, settings.chunkWindow().toSeconds());
    this.unflushed = listener == ChunkListener.NONE ? null : new UnflushedLog(unflushedBudget);
  }

  /** What a durable store has not drained yet; null when nobody persists this store. */
  UnflushedLog unflushed() {
    return unflushed;
  }

  String id() {
    return id;
  }

  long windowPhase() {
    return windowPhase;
  }

  SeriesHistory seriesFor(String name) {
    SeriesHistory existing = series.get(name);
    return existing != null
        ? existing
        : series.computeIfAbsent(name, n -> new SeriesHistory(n, this, settings, memory, listener));
  }

  /**
   * The series of each position of {@code batch} (and its names), from the last layout when the
   * names are the same. Entries are null until a value arrives for them (a NaN creates no series);
   * callers fill them in with {@link #seriesFor(String)}.
   */
  Layout layoutFor(SeriesBatch batch) {
    Layout last = layout;
    if (last != null && batch.sameNamesAs(last.names())) {
      return last;
    }
    Layout fresh =
        new Layout(
            batch, new SeriesHistory[batch.size()], unflushed == null ? null : batch.namesCopy());
    layout = fresh;
    return fresh;
  }

  /** Drops the layout: one of its series is gone. */
  void forgetLayout() {
    layout = null;
  }

  SeriesHistory get(String name) {
    return series.get(name);
  }

  Iterable<SeriesHistory> all() {
    return series.values();
  }

  /** The memory estimate of all its series. */
  long bytes() {
    long bytes = 0;
    for (SeriesHistory s : series.values()) {
      bytes += s.bytes();
    }
    return bytes;
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
    layout = null;
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
    layout = null;
  }
}
