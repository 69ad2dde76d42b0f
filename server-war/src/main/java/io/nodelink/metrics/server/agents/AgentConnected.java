package io.nodelink.metrics.server.agents;

/**
 * Lifecycle event: the agent's stream was accepted and it is online now. Observers run on the
 * connecting thread, after the agent's older stream (if any) was reported as {@link
 * AgentDisconnected}; they must not block.
 *
 * @param agentId the agent
 */
public record AgentConnected(String agentId) {}
