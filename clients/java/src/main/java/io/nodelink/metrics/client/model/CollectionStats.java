package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * Extension: how the agent's collection of one snapshot went, and which fields (reported as 0) the
 * agent's host cannot measure; null from servers that predate it.
 */
public record CollectionStats(
    @JsonbProperty("duration_ms") double durationMs,
    @JsonbProperty("failed_collectors") List<String> failedCollectors,
    @JsonbProperty("unavailable_fields") List<String> unavailableFields) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public CollectionStats {
    failedCollectors = failedCollectors == null ? List.of() : List.copyOf(failedCollectors);
    unavailableFields = unavailableFields == null ? List.of() : List.copyOf(unavailableFields);
  }
}
