package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * Extension: how the agent's collection of one snapshot went; null from servers that predate it.
 */
public record CollectionStats(
    @JsonbProperty("duration_ms") double durationMs,
    @JsonbProperty("failed_collectors") List<String> failedCollectors) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public CollectionStats {
    failedCollectors = failedCollectors == null ? List.of() : List.copyOf(failedCollectors);
  }
}
