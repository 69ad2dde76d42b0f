package io.nodelink.metrics.history;

/**
 * What one {@link HistoryStore#maintain} pass did, for the cleanup timer's log line.
 *
 * @param rolledUpValues raw values moved from the raw tier into coarse buckets
 * @param droppedBuckets coarse buckets dropped (coarse retention or memory budget)
 * @param bytesBefore the memory estimate before the pass
 * @param bytesAfter the memory estimate after the pass
 */
public record MaintenanceReport(
    long rolledUpValues, long droppedBuckets, long bytesBefore, long bytesAfter) {

  /** Bytes freed by the pass (negative if the store grew meanwhile). */
  public long freedBytes() {
    return bytesBefore - bytesAfter;
  }
}
