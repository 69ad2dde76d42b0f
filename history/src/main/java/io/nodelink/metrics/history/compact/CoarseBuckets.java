package io.nodelink.metrics.history.compact;

import java.util.Arrays;

/**
 * Columns of coarse buckets, sorted by start without duplicates: bucket start, offsets of the first
 * and last raw point inside the bucket, count, sum, min, max and last value. Count and sum (not the
 * mean) are kept so buckets merge exactly. Used for the open coarse chunk, decoded chunks, roll-ups
 * and query answers.
 */
final class CoarseBuckets {

  long[] start;
  int[] firstOffset;
  int[] lastOffset;
  int[] count;
  double[] sum;
  double[] min;
  double[] max;
  double[] last;
  int size;

  CoarseBuckets(int capacity) {
    allocate(Math.max(1, capacity));
  }

  /** Bucket {@code [start, start + width)} aggregates of sorted raw points, one per bucket. */
  static CoarseBuckets rollUp(PointBuffer points, long width) {
    CoarseBuckets out = new CoarseBuckets(4);
    for (int i = 0; i < points.size; i++) {
      long t = points.timestamps[i];
      double v = points.values[i];
      long bucket = Math.floorDiv(t, width) * width;
      int offset = (int) (t - bucket);
      int at = out.size - 1;
      if (out.size > 0 && out.start[at] == bucket) {
        out.count[at]++;
        out.sum[at] += v;
        out.min[at] = Math.min(out.min[at], v);
        out.max[at] = Math.max(out.max[at], v);
        out.last[at] = v;
        out.lastOffset[at] = offset;
      } else {
        out.add(bucket, offset, offset, 1, 0.0 + v, v, v, v);
      }
    }
    return out;
  }

  void add(
      long bucketStart,
      int first,
      int lastOff,
      int n,
      double total,
      double low,
      double high,
      double latest) {
    if (size == start.length) {
      grow(size * 2);
    }
    set(size, bucketStart, first, lastOff, n, total, low, high, latest);
    size++;
  }

  /** Makes room for {@code n} more buckets. */
  void reserve(int n) {
    if (size + n > start.length) {
      grow(Math.max(size + n, size * 2));
    }
  }

  /** Adds bucket {@code i} of {@code other}. */
  void add(CoarseBuckets other, int i) {
    add(
        other.start[i],
        other.firstOffset[i],
        other.lastOffset[i],
        other.count[i],
        other.sum[i],
        other.min[i],
        other.max[i],
        other.last[i]);
  }

  /** Merges bucket {@code i} of {@code other} in, keeping the order (inserting if new). */
  void merge(CoarseBuckets other, int i) {
    int at = indexAtOrAfter(other.start[i]);
    if (at < size && start[at] == other.start[i]) {
      combine(at, other, i);
      return;
    }
    if (size == start.length) {
      grow(size * 2);
    }
    shiftRight(at);
    size++;
    set(
        at,
        other.start[i],
        other.firstOffset[i],
        other.lastOffset[i],
        other.count[i],
        other.sum[i],
        other.min[i],
        other.max[i],
        other.last[i]);
  }

  /** Drops the first {@code n} buckets. */
  void removeFirst(int n) {
    if (n <= 0) {
      return;
    }
    int rest = size - n;
    System.arraycopy(start, n, start, 0, rest);
    System.arraycopy(firstOffset, n, firstOffset, 0, rest);
    System.arraycopy(lastOffset, n, lastOffset, 0, rest);
    System.arraycopy(count, n, count, 0, rest);
    System.arraycopy(sum, n, sum, 0, rest);
    System.arraycopy(min, n, min, 0, rest);
    System.arraycopy(max, n, max, 0, rest);
    System.arraycopy(last, n, last, 0, rest);
    size = rest;
  }

  /** Timestamp of the first raw point in bucket {@code i}. */
  long firstTimestamp(int i) {
    return start[i] + firstOffset[i];
  }

  /** Timestamp of the last raw point in bucket {@code i}. */
  long lastTimestamp(int i) {
    return start[i] + lastOffset[i];
  }

  /** Index of the first bucket whose start is at or after {@code bucketStart}. */
  int indexAtOrAfter(long bucketStart) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (start[mid] < bucketStart) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Number of leading buckets whose last point is older than {@code cutoff}. */
  int countOlderThan(long cutoff) {
    int n = 0;
    while (n < size && lastTimestamp(n) < cutoff) {
      n++;
    }
    return n;
  }

  /** A trimmed copy. */
  CoarseBuckets copy() {
    CoarseBuckets out = new CoarseBuckets(size);
    for (int i = 0; i < size; i++) {
      out.add(this, i);
    }
    return out;
  }

  long bytes() {
    return 64 + 8 * 16 + (long) start.length * (8 + 4 + 4 + 4 + 8 * 4);
  }

  private void combine(int at, CoarseBuckets other, int i) {
    count[at] += other.count[i];
    sum[at] += other.sum[i];
    min[at] = Math.min(min[at], other.min[i]);
    max[at] = Math.max(max[at], other.max[i]);
    if (other.lastOffset[i] >= lastOffset[at]) {
      last[at] = other.last[i];
      lastOffset[at] = other.lastOffset[i];
    }
    firstOffset[at] = Math.min(firstOffset[at], other.firstOffset[i]);
  }

  private void set(
      int i,
      long bucketStart,
      int first,
      int lastOff,
      int n,
      double total,
      double low,
      double high,
      double latest) {
    start[i] = bucketStart;
    firstOffset[i] = first;
    lastOffset[i] = lastOff;
    count[i] = n;
    sum[i] = total;
    min[i] = low;
    max[i] = high;
    last[i] = latest;
  }

  private void shiftRight(int at) {
    int n = size - at;
    System.arraycopy(start, at, start, at + 1, n);
    System.arraycopy(firstOffset, at, firstOffset, at + 1, n);
    System.arraycopy(lastOffset, at, lastOffset, at + 1, n);
    System.arraycopy(count, at, count, at + 1, n);
    System.arraycopy(sum, at, sum, at + 1, n);
    System.arraycopy(min, at, min, at + 1, n);
    System.arraycopy(max, at, max, at + 1, n);
    System.arraycopy(last, at, last, at + 1, n);
  }

  private void allocate(int capacity) {
    start = new long[capacity];
    firstOffset = new int[capacity];
    lastOffset = new int[capacity];
    count = new int[capacity];
    sum = new double[capacity];
    min = new double[capacity];
    max = new double[capacity];
    last = new double[capacity];
  }

  private void grow(int capacity) {
    start = Arrays.copyOf(start, capacity);
    firstOffset = Arrays.copyOf(firstOffset, capacity);
    lastOffset = Arrays.copyOf(lastOffset, capacity);
    count = Arrays.copyOf(count, capacity);
    sum = Arrays.copyOf(sum, capacity);
    min = Arrays.copyOf(min, capacity);
    max = Arrays.copyOf(max, capacity);
    last = Arrays.copyOf(last, capacity);
  }
}
