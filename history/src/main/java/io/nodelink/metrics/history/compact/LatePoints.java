package io.nodelink.metrics.history.compact;

/**
 * A small sorted buffer of points that arrived older than their series' newest point. They are
 * merged into the chunks that own their time when the buffer fills, when the open chunk is sealed
 * and before eviction; until then queries merge them in. A later write of the same second replaces
 * an earlier one.
 */
final class LatePoints {

  static final int CAPACITY = 16;

  private final PointBuffer points = new PointBuffer(CAPACITY);

  /**
   * Adds or replaces the point at {@code timestamp}.
   *
   * @return true if the buffer is now full
   */
  boolean put(long timestamp, double value) {
    int i = points.indexAtOrAfter(timestamp);
    if (i < points.size && points.timestamps[i] == timestamp) {
      points.values[i] = value;
    } else {
      points.add(0, 0);
      System.arraycopy(points.timestamps, i, points.timestamps, i + 1, points.size - 1 - i);
      System.arraycopy(points.values, i, points.values, i + 1, points.size - 1 - i);
      points.timestamps[i] = timestamp;
      points.values[i] = value;
    }
    return points.size >= CAPACITY;
  }

  boolean isEmpty() {
    return points.size == 0;
  }

  int size() {
    return points.size;
  }

  /** A copy of the buffered points, sorted. */
  PointBuffer copy() {
    return points.slice(0, points.size);
  }

  void clear() {
    points.size = 0;
  }

  long bytes() {
    return 64 + 16L * points.timestamps.length;
  }
}
