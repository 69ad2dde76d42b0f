package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * One agent in {@code GET /metrics/agents}: connection state and what data it has. The last three
 * components are server extensions (false and 0 from servers without them): whether anyone holds
 * streaming on, the interval the agent streams at for them, and the interval it streams at now (the
 * server's collection baseline included; 0 when it does not stream).
 */
public record AgentSummary(
    @JsonbProperty("agent_id") String agentId,
    boolean connected,
    String status,
    @JsonbProperty("last_seen") String lastSeen,
    @JsonbProperty("last_update") String lastUpdate,
    @JsonbProperty("streaming_active") boolean streamingActive,
    @JsonbProperty("has_system_info") boolean hasSystemInfo,
    @JsonbProperty("has_metrics") boolean hasMetrics,
    @JsonbProperty("streaming_wanted") boolean streamingWanted,
    @JsonbProperty("streaming_interval_seconds") long streamingIntervalSeconds,
    @JsonbProperty("collection_interval_seconds") long collectionIntervalSeconds) {

  /** The RFC 3339 {@code last_seen} as an instant; empty if the server sent none. */
  public Optional<Instant> lastSeenTime() {
    return Timestamps.parse(lastSeen);
  }

  /** The RFC 3339 {@code last_update} as an instant; empty before any data. */
  public Optional<Instant> lastUpdateTime() {
    return Timestamps.parse(lastUpdate);
  }

  /** True when the server reports the agent {@code online}. */
  public boolean online() {
    return "online".equals(status);
  }
}
