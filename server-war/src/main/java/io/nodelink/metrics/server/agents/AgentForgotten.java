package io.nodelink.metrics.server.agents;

/**
 * Lifecycle event: the agent stayed offline past the retention and is no longer listed; observers
 * drop everything they hold for it. Observers must not block.
 *
 * @param agentId the agent
 */
public record AgentForgotten(String agentId) {}
