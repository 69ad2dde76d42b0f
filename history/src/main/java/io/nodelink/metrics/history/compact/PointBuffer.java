package io.nodelink.metrics.history.compact;

import java.util.Arrays;

/** A growable pair of primitive columns (timestamps, values), sorted by whoever fills it. */
final class PointBuffer {

  long[] timestamps;
  double[] values;
  int size;

  PointBuffer() {
    this(16);
  }

  PointBuffer(int capacity) {
    timestamps = new long[Math.max(1, capacity)];
    values = new double[Math.max(1, capacity)];
  }

  void add(long timestamp, double value) {
    if (size == timestamps.length) {
      int capacity = size * 2;
      timestamps = Arrays.copyOf(timestamps, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    timestamps[size] = timestamp;
    values[size] = value;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long first() {
    return timestamps[0];
  }

  long last() {
    return timestamps[size - 1];
  }

  /** Appends this buffer's points in {@code [from, to]} to {@code out}. */
  void copyRange(long from, long to, PointBuffer out) {
    for (int i = 0; i < size; i++) {
      long t = timestamps[i];
      if (t >= from && t <= to) {
        out.add(t, values[i]);
      }
    }
  }

  /**
   * Merges two sorted buffers without duplicate timestamps; where both hold a timestamp the value
   * of {@code overrides} wins (it was written later).
   */
  static PointBuffer merge(PointBuffer base, PointBuffer overrides) {
    PointBuffer out = new PointBuffer(base.size + overrides.size);
    int i = 0;
    int j = 0;
    while (i < base.size || j < overrides.size) {
      if (j == overrides.size || (i < base.size && base.timestamps[i] < overrides.timestamps[j])) {
        out.add(base.timestamps[i], base.values[i]);
        i++;
      } else {
        if (i < base.size && base.timestamps[i] == overrides.timestamps[j]) {
          i++;
        }
        out.add(overrides.timestamps[j], overrides.values[j]);
        j++;
      }
    }
    return out;
  }

  /** The points at index {@code from} (inclusive) to {@code to} (exclusive) as a new buffer. */
  PointBuffer slice(int from, int to) {
    PointBuffer out = new PointBuffer(to - from);
    System.arraycopy(timestamps, from, out.timestamps, 0, to - from);
    System.arraycopy(values, from, out.values, 0, to - from);
    out.size = to - from;
    return out;
  }

  /** Index of the first point with a timestamp at or after {@code t}. */
  int indexAtOrAfter(long t) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (timestamps[mid] < t) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
