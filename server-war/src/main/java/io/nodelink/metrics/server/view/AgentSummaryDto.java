package io.nodelink.metrics.server.view;

/**
 * One agent in {@code GET /metrics/agents}. Timestamps are RFC 3339 UTC, {@code ""} if never.
 *
 * @param agentId the agent id
 * @param connected a gRPC stream of the agent is live
 * @param status {@code "online"} or {@code "offline"}
 * @param lastSeen when the agent last sent anything (or connected)
 * @param lastUpdate when it last sent metrics or system info
 * @param streamingActive the agent is connected and streams for a holder (SSE clients, a manual
 *     start) by a stream task that has not ended; the collection baseline alone does not count
 *     (extension fields below say more)
 * @param hasSystemInfo system info is available
 * @param hasMetrics a snapshot is available
 * @param streamingWanted extension: someone (SSE clients, a manual start) holds streaming on
 * @param streamingIntervalSeconds extension: the interval the agent streams at for holders, 0 when
 *     not active
 * @param collectionIntervalSeconds extension: the interval the agent streams at now, collection
 *     baseline included; 0 when it does not stream
 * @param seriesCount extension: the agent's history series seen within the retention, the ones
 *     counted against {@code nodelink.history.max-series-per-agent}
 * @param duplicateId extension: another host presented this agent id within the last 10 minutes;
 *     its connections are refused while this one is live (give each host its own id)
 * @param streamingError extension: why the last attempt to start or change the agent's stream
 *     failed, "" when it did not
 * @param alertsFiring extension: how many alerts of the agent fire now
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
    int streamingIntervalSeconds,
    int collectionIntervalSeconds,
    int seriesCount,
    boolean duplicateId,
    String streamingError,
    int alertsFiring) {}
