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
    writeSums(out, buckets.sum, buckets.size);
    writeDoubles(out, buckets.min, buckets.size);
    writeDoubles(out, buckets.max, buckets.size);
    writeDoubles(out, buckets.last, buckets.size);
    int n = buckets.size;
    return new CoarseChunk(
        buckets.start[0], buckets.start[n - 1], buckets.lastTimestamp(n - 1), n, out.toWords());
  }

  /**
   * The chunk as bytes for a durable store; first and last are the oldest and newest raw point the
   * buckets summarise, the header the bucket count.
   */
  EncodedChunk toEncoded() {
    long oldest = firstStart + firstOffsetOfFirst();
    return new EncodedChunk(oldest, newest, size, EncodedChunk.toBytes(size, words));
  }

  /** The chunk {@link #toEncoded} wrote. */
  static CoarseChunk fromEncoded(EncodedChunk encoded) {
    int n = encoded.header();
    long[] words = encoded.words();
    BitReader in = new BitReader(words, 0);
    TimestampDecoder starts = new TimestampDecoder();
    long firstStart = starts.read(in);
    long lastStart = firstStart;
    for (int i = 1; i < n; i++) {
      lastStart = starts.read(in);
    }
    return new CoarseChunk(firstStart, lastStart, encoded.last(), n, words);
  }

  private int firstOffsetOfFirst() {
    CoarseBuckets first = new CoarseBuckets(1);
    decodeOverlapping(Long.MIN_VALUE, Long.MAX_VALUE, first);
    return first.firstOffset[0];
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

  /**
   * Appends the buckets holding any raw point in {@code [from, to]} to {@code out}, decoding the
   * columns straight into it (no intermediate copy of the chunk).
   */
  void decodeOverlapping(long from, long to, CoarseBuckets out) {
    BitReader in = new BitReader(words, 0);
    long[] starts = new long[size];
    int[] firstOffsets = new int[size];
    int[] lastOffsets = new int[size];
    TimestampDecoder startDecoder = new TimestampDecoder();
    for (int i = 0; i < size; i++) {
      starts[i] = startDecoder.read(in);
    }
    readInts(in, firstOffsets, size);
    readInts(in, lastOffsets, size);
    int low = 0;
    while (low < size && starts[low] + lastOffsets[low] < from) {
      low++;
    }
    int high = low;
    while (high < size && starts[high] + firstOffsets[high] <= to) {
      high++;
    }
    int base = out.size;
    out.reserve(high - low);
    for (int i = low; i < high; i++) {
      out.start[base + i - low] = starts[i];
      out.firstOffset[base + i - low] = firstOffsets[i];
      out.lastOffset[base + i - low] = lastOffsets[i];
    }
    readInts(in, out.count, low, high, base);
    readDoubles(in, out.sum, low, high, base);
    readDoubles(in, out.min, low, high, base);
    readDoubles(in, out.max, low, high, base);
    readDoubles(in, out.last, low, high, base);
    out.size = base + high - low;
  }

  /** Reads a column of {@code size} values, keeping indices {@code [low, high)} at {@code base}. */
  private void readInts(BitReader in, int[] column, int low, int high, int base) {
    ValueDecoder decoder = new ValueDecoder();
    for (int i = 0; i < high; i++) {
      int v = (int) decoder.read(in);
      if (i >= low) {
        column[base + i - low] = v;
      }
    }
    skip(in, decoder, size - high);
  }

  private void readDoubles(BitReader in, double[] column, int low, int high, int base) {
    ValueDecoder decoder = new ValueDecoder();
    for (int i = 0; i < high; i++) {
      double v = decoder.read(in);
      if (i >= low) {
        column[base + i - low] = v;
      }
    }
    skip(in, decoder, size - high);
  }

  private static void skip(BitReader in, ValueDecoder decoder, int values) {
    for (int i = 0; i < values; i++) {
      decoder.read(in);
    }
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

  /**
   * Sums are stored snapped to the short decimal they are within 4 ulps of: less than the rounding
   * of the summation itself, and it lets sums of decimal values compress like the values.
   */
  private static void writeSums(BitWriter out, double[] column, int n) {
    ValueEncoder encoder = new ValueEncoder();
    for (int i = 0; i < n; i++) {
      encoder.write(out, ValueEncoder.snapToShortDecimal(column[i]));
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
