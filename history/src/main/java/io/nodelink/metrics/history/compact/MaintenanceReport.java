package io.nodelink.metrics.history.compact;

/**
 * What one maintenance pass did, for the cleanup timer's log line.
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

  /** Counts what the series do during one pass. */
  static final class Builder {
    private long rolledUp;
    private long dropped;

    void rolledUp(long values) {
      rolledUp += values;
    }

    void droppedBuckets(long buckets) {
      dropped += buckets;
    }

    long rolledUp() {
      return rolledUp;
    }

    MaintenanceReport build(long bytesBefore, long bytesAfter) {
      return new MaintenanceReport(rolledUp, dropped, bytesBefore, bytesAfter);
    }
  }
}
