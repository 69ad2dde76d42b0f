package io.nodelink.metrics.server.ingest;

/**
 * CDI event: the server changed or dropped part of one message of an agent, for one cause.
 *
 * @param agentId the agent
 * @param cause what was wrong
 */
public record SnapshotSanitized(String agentId, SanitizeCause cause) {}
