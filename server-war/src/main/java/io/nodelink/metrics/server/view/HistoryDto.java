package io.nodelink.metrics.server.view;

import java.util.List;
import java.util.Map;

/**
 * {@code GET .../metrics/history}.
 *
 * @param agentId the agent
 * @param dataPoints ascending by timestamp
 * @param queryStartTimestamp the range start applied (Unix seconds)
 * @param queryEndTimestamp the range end applied
 * @param totalPoints how many data points are in the answer
 * @param truncated whether points in range were left out
 * @param intervalSeconds extension: the bucket width used (0 = raw points)
 */
public record HistoryDto(
    String agentId,
    List<DataPoint> dataPoints,
    long queryStartTimestamp,
    long queryEndTimestamp,
    int totalPoints,
    boolean truncated,
    long intervalSeconds) {

  /** One timestamp (a bucket start when bucketed) and each series' value there. */
  public record DataPoint(long timestamp, Map<String, Double> values) {}
}
