package io.nodelink.metrics.history.compact;

import java.util.Arrays;

/**
 * What one agent appended since a durable store last drained it, a snapshot per entry in arrival
 * order: one copy of the values per snapshot, and the names array of the agent's layout shared
 * while the agent keeps sending the same series. Draining it is one swap per agent, where a buffer
 * per series cost a visit, a lock and a copy of every series at every flush (most of a flush's time
 * at thousands of agents).
 */
final class UnflushedLog {

  private long[] timestamps = new long[8];
  private String[][] names = new String[8][];
  private double[][] values = new double[8][];
  private int size;
  private long newest = Long.MIN_VALUE;
  private long oldest = Long.MAX_VALUE;

  synchronized void add(long timestampSeconds, String series, double value) {
    add(timestampSeconds, new String[] {series}, new double[] {value});
  }

  /** Adds a snapshot; {@code entryNames} is shared between entries, never changed. */
  synchronized void add(long timestampSeconds, String[] entryNames, double[] entryValues) {
    if (size == timestamps.length) {
      timestamps = Arrays.copyOf(timestamps, size * 2);
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    timestamps[size] = timestampSeconds;
    names[size] = entryNames;
    values[size] = entryValues;
    size++;
    newest = Math.max(newest, timestampSeconds);
    oldest = Math.min(oldest, timestampSeconds);
  }

  /** The newest timestamp ever added, drained or not; {@code Long.MIN_VALUE} if none. */
  synchronized long newest() {
    return newest;
  }

  /** The oldest timestamp ever added, drained or not; {@code Long.MAX_VALUE} if none. */
  synchronized long oldest() {
    return oldest;
  }

  /** The entries since the last drain (null if none); the log starts empty again. */
  synchronized UnflushedPoints drain() {
    if (size == 0) {
      return null;
    }
    UnflushedPoints drained =
        new UnflushedPoints(
            Arrays.copyOf(timestamps, size),
            Arrays.copyOf(names, size),
            Arrays.copyOf(values, size));
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    return drained;
  }
}
