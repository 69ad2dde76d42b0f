package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The body of {@code POST /agents/{id}/metrics/start}. A null interval means the server's default
 * (5 s); no groups means all of them ({@code cpu, memory, disk, network, processes, load}).
 */
public record StreamingRequest(
    @JsonbProperty("interval_seconds") Integer intervalSeconds, List<String> metrics) {

  /** The groups are never null: none reads as every group. */
  public StreamingRequest {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }

  /** Every group at the server's default interval. */
  public static StreamingRequest defaults() {
    return new StreamingRequest(null, List.of());
  }

  /** Every group every {@code intervalSeconds}. */
  public static StreamingRequest every(int intervalSeconds) {
    return new StreamingRequest(intervalSeconds, List.of());
  }

  /** This request limited to the named groups. */
  public StreamingRequest withGroups(String... groups) {
    return new StreamingRequest(intervalSeconds, List.of(groups));
  }
}
