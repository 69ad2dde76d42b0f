package io.nodelink.metrics.history.durable;

import java.util.Optional;

/**
 * How the durable store is doing, for health checks, metrics and logs.
 *
 * @param degraded the last write failed: data waits in memory (up to the queue bound)
 * @param lastError the last write's failure, if it failed
 * @param queuedBytes bytes waiting to be written
 * @param queuedChunks chunks waiting to be written
 * @param droppedChunks chunks dropped because the queue was full, since start
 * @param droppedValues raw values in those chunks
 * @param droppedTailRecords records of unflushed points dropped (lost only if the server dies too)
 * @param shedUnflushedValues values the points waiting for the writer let go of because it fell
 *     behind, since start; read back from memory when written, so nothing is lost
 * @param writtenChunks chunks written since start
 * @param tailRecords records of unflushed points in the database
 * @param lastFlushMillis how long the last successful flush took
 * @param diskBytes bytes of stored chunks at the last maintenance pass (data and row overhead)
 * @param adoptedTailRecords records of unflushed points of writers taken for dead that this store
 *     adopted (wrote as chunks), since start
 */
public record StoreStatus(
    boolean degraded,
    Optional<String> lastError,
    long queuedBytes,
    long queuedChunks,
    long droppedChunks,
    long droppedValues,
    long droppedTailRecords,
    long shedUnflushedValues,
    long writtenChunks,
    long tailRecords,
    long lastFlushMillis,
    long diskBytes,
    long adoptedTailRecords) {}
