package io.nodelink.metrics.server.agents;

/**
 * Lifecycle event: a stream of the agent ended. Observers must not block.
 *
 * @param agentId the agent
 * @param replaced true when a newer stream of the same agent took over (an {@link AgentConnected}
 *     follows at once, so the agent never appears offline); false when the agent is offline now
 */
public record AgentDisconnected(String agentId, boolean replaced) {}
