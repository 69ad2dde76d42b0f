package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.codec.BitReader;
import io.nodelink.metrics.history.codec.BitWriter;
import io.nodelink.metrics.history.codec.TimestampDecoder;
import io.nodelink.metrics.history.codec.TimestampEncoder;
import io.nodelink.metrics.history.codec.ValueDecoder;
import io.nodelink.metrics.history.codec.ValueEncoder;

/**
 * An immutable, compressed run of coarse buckets: the columns one after another in one {@code
 * long[]} (starts delta-of-delta, every other column with the value codec, so steady offsets and
 * counts cost a bit each).
 */
final class CoarseChunk {

  private static final long OVERHEAD_BYTES = 48 + 16;

  final long firstStart;
  final long lastStart;

  /** Timestamp of the newest raw point summarised by this chunk. */
  final long newest;

  final int size;
  private final long[] words;

  private CoarseChunk(long firstStart, long lastStart, long newest, int size, long[] words) {
    this.firstStart = firstStart;
    this.lastStart = lastStart;
    this.newest = newest;
    this.size = size;
    this.words = words;
  }

  static CoarseChunk encode(CoarseBuckets buckets) {
    BitWriter out = new BitWriter(1 + buckets.size);
    TimestampEncoder starts = new TimestampEncoder();
    for (int i = 0; i < buckets.size; i++) {
      starts.write(out, buckets.start[i]);
    }
    writeInts(out, buckets.firstOffset, buckets.size);
    writeInts(out, buckets.lastOffset, buckets.size);
    writeInts(out, buckets.count, buckets.size);
    writeDoubles(out, buckets.sum, buckets.size);
    writeDoubles(out, buckets.min, buckets.size);
    writeDoubles(out, buckets.max, buckets.size);
    writeDoubles(out, buckets.last, buckets.size);
    int n = buckets.size;
    return new CoarseChunk(
        buckets.start[0], buckets.start[n - 1], buckets.lastTimestamp(n - 1), n, out.toWords());
  }

  CoarseBuckets decode() {
    CoarseBuckets out = new CoarseBuckets(size);
    out.size = size;
    BitReader in = new BitReader(words, 0);
    TimestampDecoder starts = new TimestampDecoder();
    for (int i = 0; i < size; i++) {
      out.start[i] = starts.read(in);
    }
    readInts(in, out.firstOffset, size);
    readInts(in, out.lastOffset, size);
    readInts(in, out.count, size);
    readDoubles(in, out.sum, size);
    readDoubles(in, out.min, size);
    readDoubles(in, out.max, size);
    readDoubles(in, out.last, size);
    return out;
  }

  long bytes() {
    return OVERHEAD_BYTES + 8L * words.length;
  }

  private static void writeInts(BitWriter out, int[] column, int n) {
    ValueEncoder encoder = new ValueEncoder();
    for (int i = 0; i < n; i++) {
      encoder.write(out, column[i]);
    }
  }

  private static void writeDoubles(BitWriter out, double[] column, int n) {
    ValueEncoder encoder = new ValueEncoder();
    for (int i = 0; i < n; i++) {
      encoder.write(out, column[i]);
    }
  }

  private static void readInts(BitReader in, int[] column, int n) {
    ValueDecoder decoder = new ValueDecoder();
    for (int i = 0; i < n; i++) {
      column[i] = (int) decoder.read(in);
    }
  }

  private static void readDoubles(BitReader in, double[] column, int n) {
    ValueDecoder decoder = new ValueDecoder();
    for (int i = 0; i < n; i++) {
      column[i] = decoder.read(in);
    }
  }
}
