package io.nodelink.metrics.client.model;

import java.util.Map;

/** {@code GET /metrics/agents}: every agent the server knows, by id. */
public record AgentList(Map<String, AgentSummary> agents) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public AgentList {
    agents = agents == null ? Map.of() : Map.copyOf(agents);
  }
}
