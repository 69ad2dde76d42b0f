package io.nodelink.metrics.server.ingest;

/**
 * CDI event: one message of an agent was dropped because it exceeded a per-agent quota.
 *
 * @param agentId the agent
 * @param quota the quota it exceeded
 */
public record MessageThrottled(String agentId, Quota quota) {}
