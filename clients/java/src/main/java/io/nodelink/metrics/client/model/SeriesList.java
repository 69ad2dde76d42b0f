package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** Extension {@code GET /agents/{id}/metrics/series}: the history series the agent has. */
public record SeriesList(@JsonbProperty("agent_id") String agentId, List<String> series) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public SeriesList {
    series = series == null ? List.of() : List.copyOf(series);
  }
}
