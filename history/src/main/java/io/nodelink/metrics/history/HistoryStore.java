package io.nodelink.metrics.history;

import java.util.Set;

/**
 * Time-series history of every agent. Implementations are thread-safe: appends for one agent may
 * run concurrently with queries and with appends for other agents.
 *
 * <p>Timestamps are Unix seconds. Values are doubles; {@code NaN} means "no value" and is never
 * stored.
 */
public interface HistoryStore {

  /** Appends one point of one series. Out-of-order points are accepted. */
  void append(String agentId, String series, long timestampSeconds, double value);

  /**
   * Appends the values of one snapshot at one timestamp; {@code NaN} values are skipped.
   * Implementations may do this with one agent look-up.
   */
  default void appendAll(String agentId, long timestampSeconds, SeriesBatch values) {
    for (int i = 0; i < values.size(); i++) {
      append(agentId, values.name(i), timestampSeconds, values.value(i));
    }
  }

  /**
   * Answers a range query for one agent; an unknown agent gives an empty result. For a query {@link
   * RangeQuery#fromEarliestKept() from the earliest kept}, the result's start is the earliest kept
   * point in the range, or the raw retention horizon before the end when there is none.
   */
  HistoryResult query(String agentId, RangeQuery query);

  /** The series names this agent has points for, sorted. */
  Set<String> seriesOf(String agentId);

  /** Forgets every point of one agent. */
  void removeAgent(String agentId);

  /**
   * Applies the store's retentions relative to {@code nowSeconds} (and any memory budget it has):
   * what is older than a retention leaves the store, or a coarser form of it. The server's cleanup
   * timer calls it.
   *
   * @return what the pass did
   */
  MaintenanceReport maintain(long nowSeconds);

  /** Approximate bytes held by stored points, for the memory gauge and budget. */
  long sizeBytes();

  /** How many values are stored over all agents and series. */
  long valueCount();
}
