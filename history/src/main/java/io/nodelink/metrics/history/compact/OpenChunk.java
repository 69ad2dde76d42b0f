package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.codec.BitWriter;
import io.nodelink.metrics.history.codec.TimestampEncoder;
import io.nodelink.metrics.history.codec.ValueEncoder;

/**
 * The chunk a series is appending to: compressed as points arrive (so it costs what a sealed chunk
 * costs), in strictly increasing timestamp order. Guarded by the series' lock.
 */
final class OpenChunk {

  private static final long OVERHEAD_BYTES = 160;

  private BitWriter timestampBits;
  private BitWriter valueBits;
  private TimestampEncoder timestampEncoder;
  private ValueEncoder valueEncoder;
  private int count;
  private long first;
  private long last;

  OpenChunk() {
    reset();
  }

  /**
   * Appends a point later than every point in the chunk.
   *
   * @return true if a buffer grew (the memory estimate changed)
   */
  boolean append(long timestamp, double value) {
    long before = timestampBits.capacityBytes() + valueBits.capacityBytes();
    if (count == 0) {
      first = timestamp;
    }
    timestampEncoder.write(timestampBits, timestamp);
    valueEncoder.write(valueBits, value);
    last = timestamp;
    count++;
    return timestampBits.capacityBytes() + valueBits.capacityBytes() != before;
  }

  int count() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  long first() {
    return first;
  }

  long last() {
    return last;
  }

  /** An immutable copy of the points so far (the chunk stays open). */
  RawChunk snapshot() {
    return new RawChunk(first, last, count, timestampBits, valueBits);
  }

  /** Replaces the content with the given sorted points. */
  void rebuild(PointBuffer points) {
    reset();
    for (int i = 0; i < points.size; i++) {
      append(points.timestamps[i], points.values[i]);
    }
  }

  void reset() {
    timestampBits = new BitWriter(2);
    valueBits = new BitWriter(2);
    timestampEncoder = new TimestampEncoder();
    valueEncoder = new ValueEncoder();
    count = 0;
  }

  long bytes() {
    return OVERHEAD_BYTES + timestampBits.capacityBytes() + valueBits.capacityBytes();
  }
}
