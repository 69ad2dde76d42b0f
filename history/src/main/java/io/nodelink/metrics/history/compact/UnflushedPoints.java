package io.nodelink.metrics.history.compact;

/**
 * The snapshots an agent appended between two drains, in arrival order (not necessarily by time):
 * entry {@code i} is {@code values[i][k]} for series {@code names[i][k]} at {@code timestamps[i]}.
 * Entries of one agent usually share one names array.
 *
 * @param timestamps Unix seconds, one per entry
 * @param names the series of each entry
 * @param values the values of each entry, NaN where the snapshot had none
 */
public record UnflushedPoints(long[] timestamps, String[][] names, double[][] values) {

  public int size() {
    return timestamps.length;
  }
}
