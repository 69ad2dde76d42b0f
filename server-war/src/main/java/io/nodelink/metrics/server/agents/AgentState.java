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
 */
public record AgentState(
    String agentId,
    boolean connected,
    Instant connectedAt,
    Instant lastSeen,
    Instant lastUpdate,
    Instant disconnectedAt) {}
