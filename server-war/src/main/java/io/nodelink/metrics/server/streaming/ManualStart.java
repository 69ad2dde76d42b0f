package io.nodelink.metrics.server.streaming;

/**
 * The outcome of a manual {@code metrics/start}.
 *
 * @param streamTaskId the running stream's task; cancelling it ends the manual hold
 * @param requestedInterval the interval the caller asked for
 * @param effectiveInterval the interval the agent streams at (smaller if an SSE client or the
 *     collection baseline asks so)
 * @param setByBaseline whether the effective interval is the collection baseline's ({@code
 *     nodelink.collection.interval}) rather than another holder's
 */
public record ManualStart(
    String streamTaskId, int requestedInterval, int effectiveInterval, boolean setByBaseline) {}
