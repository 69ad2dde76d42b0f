package io.nodelink.metrics.server.agents;

import java.time.Instant;

/**
 * A consistent copy of one agent's connection state.
 *
 * @param agentId the authenticated agent id
 * @param connected whether a gRPC stream of the agent is live
 * @param connectedAt when the current (or last) stream was accepted
 * @param lastSeen when the agent last sent anything (or connected)
 * @param lastUpdate when the agent last sent metrics or system info; null if never
 * @param disconnectedAt when the last stream ended; null while connected
 * @param duplicateId another host presented this agent id recently (see {@link
 *     DuplicateIdDetector}); not kept across restarts, since the hosts meet again when they
 *     reconnect
 */
public record AgentState(
    String agentId,
    boolean connected,
    Instant connectedAt,
    Instant lastSeen,
    Instant lastUpdate,
    Instant disconnectedAt,
    boolean duplicateId) {

  /** A state without a duplicate id (as stored). */
  public AgentState(
      String agentId,
      boolean connected,
      Instant connectedAt,
      Instant lastSeen,
      Instant lastUpdate,
      Instant disconnectedAt) {
    this(agentId, connected, connectedAt, lastSeen, lastUpdate, disconnectedAt, false);
  }
}
