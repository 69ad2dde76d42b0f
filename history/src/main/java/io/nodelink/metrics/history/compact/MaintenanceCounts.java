package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.MaintenanceReport;

/** Counts what the series do during one maintenance pass. */
final class MaintenanceCounts {
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
