package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code GET /agents/{id}/metrics/history}: points in ascending time order. */
public record History(
    @JsonbProperty("agent_id") String agentId,
    @JsonbProperty("data_points") List<HistoryPoint> dataPoints,
    @JsonbProperty("query_start_timestamp") long queryStartTimestamp,
    @JsonbProperty("query_end_timestamp") long queryEndTimestamp,
    @JsonbProperty("total_points") long totalPoints,
    boolean truncated,
    @JsonbProperty("interval_seconds") long intervalSeconds) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public History {
    dataPoints = dataPoints == null ? List.of() : List.copyOf(dataPoints);
  }
}
