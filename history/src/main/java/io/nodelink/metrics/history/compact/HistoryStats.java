package io.nodelink.metrics.history.compact;

/**
 * What a {@link CompactHistoryStore} holds.
 *
 * @param agents agents with history
 * @param series series over all agents
 * @param rawValues raw points in the raw tier
 * @param coarseBuckets buckets in the coarse tier
 * @param bytes the memory estimate
 */
public record HistoryStats(
    long agents, long series, long rawValues, long coarseBuckets, long bytes) {}
