package io.nodelink.metrics.history;

import java.util.List;

/**
 * The answer to a {@link RangeQuery}.
 *
 * @param points data points in ascending timestamp order
 * @param startSeconds the query's start as applied
 * @param endSeconds the query's end as applied
 * @param intervalSeconds the bucket width actually used (0 for raw points)
 * @param truncated true only if points in the range were left out
 */
public record HistoryResult(
    List<TimePoint> points,
    long startSeconds,
    long endSeconds,
    long intervalSeconds,
    boolean truncated) {

  public HistoryResult {
    points = List.copyOf(points);
  }

  /**
   * This result with its start moved to the earliest kept point, or to {@code horizonSeconds}
   * (where the store's retention begins) when there is no point; never after the end.
   */
  public HistoryResult startingAtEarliestKept(long horizonSeconds) {
    long earliest = points.isEmpty() ? horizonSeconds : points.get(0).timestampSeconds();
    return new HistoryResult(
        points, Math.min(earliest, endSeconds), endSeconds, intervalSeconds, truncated);
  }
}
