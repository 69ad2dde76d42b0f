package io.nodelink.metrics.history;

import java.util.Map;

/**
 * One timestamp and the value of each series at it (a bucket's start for bucketed queries).
 *
 * @param timestampSeconds Unix seconds
 * @param values series name to value; a series with no data at this time is absent
 */
public record TimePoint(long timestampSeconds, Map<String, Double> values) {

  public TimePoint {
    values = Map.copyOf(values);
  }
}
