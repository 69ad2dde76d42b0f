package io.nodelink.metrics.history;

import java.util.Set;

/**
 * A range query on one agent's history, as the history API defines it (docs/history.md); the
 * engine's own type, not the Java client's request builder of a similar purpose.
 *
 * @param series the series to return; empty means every series of the agent
 * @param startSeconds first second included
 * @param endSeconds last second included
 * @param intervalSeconds bucket width; 0 asks for raw points
 * @param maxPoints most data points in the answer; the interval widens until they fit
 * @param aggregation how a bucket's raw points are combined
 * @param fromEarliestKept the caller gave no start: the answer's start is the earliest point the
 *     store keeps (see {@link HistoryStore#query}), not {@code startSeconds}
 */
public record RangeQuery(
    Set<String> series,
    long startSeconds,
    long endSeconds,
    long intervalSeconds,
    int maxPoints,
    Aggregation aggregation,
    boolean fromEarliestKept) {

  /** A query with an explicit start. */
  public RangeQuery(
      Set<String> series,
      long startSeconds,
      long endSeconds,
      long intervalSeconds,
      int maxPoints,
      Aggregation aggregation) {
    this(series, startSeconds, endSeconds, intervalSeconds, maxPoints, aggregation, false);
  }

  public RangeQuery {
    series = Set.copyOf(series);
    if (endSeconds < startSeconds) {
      throw new IllegalArgumentException("end before start");
    }
    if (intervalSeconds < 0) {
      throw new IllegalArgumentException("negative interval");
    }
    if (maxPoints < 1) {
      throw new IllegalArgumentException("max_points must be at least 1");
    }
  }
}
