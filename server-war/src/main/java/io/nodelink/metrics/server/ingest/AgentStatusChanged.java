package io.nodelink.metrics.server.ingest;

/**
 * CDI event: an agent came online or went offline. Observers must not block.
 *
 * @param agentId the agent
 * @param connected whether it is connected now
 */
public record AgentStatusChanged(String agentId, boolean connected) {}
