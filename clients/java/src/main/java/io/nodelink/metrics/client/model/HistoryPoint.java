package io.nodelink.metrics.client.model;

import java.util.Map;

/** One time of a {@link History}: the bucket's (or raw point's) value of each series. */
public record HistoryPoint(long timestamp, Map<String, Double> values) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public HistoryPoint {
    values = values == null ? Map.of() : Map.copyOf(values);
  }
}
