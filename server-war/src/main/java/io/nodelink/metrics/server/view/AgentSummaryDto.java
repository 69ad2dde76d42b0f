package io.nodelink.metrics.server.view;

/**
 * One agent in {@code GET /metrics/agents}. Timestamps are RFC 3339 UTC, {@code ""} if never.
 *
 * @param agentId the agent id
 * @param connected a gRPC stream of the agent is live
 * @param status {@code "online"} or {@code "offline"}
 * @param lastSeen when the agent last sent anything (or connected)
 * @param lastUpdate when it last sent metrics or system info
 * @param streamingActive the agent is connected and told to stream by a stream task that has not
 *     ended (extension fields below say more)
 * @param hasSystemInfo system info is available
 * @param hasMetrics a snapshot is available
 * @param streamingWanted extension: someone (SSE clients, a manual start) holds streaming on
 * @param streamingIntervalSeconds extension: the interval the agent streams at, 0 if not
 */
public record AgentSummaryDto(
    String agentId,
    boolean connected,
    String status,
    String lastSeen,
    String lastUpdate,
    boolean streamingActive,
    boolean hasSystemInfo,
    boolean hasMetrics,
    boolean streamingWanted,
    int streamingIntervalSeconds) {}
