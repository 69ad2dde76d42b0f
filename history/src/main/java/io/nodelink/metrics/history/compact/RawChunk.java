package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.codec.BitReader;
import io.nodelink.metrics.history.codec.BitWriter;
import io.nodelink.metrics.history.codec.DecimalDeltas;
import io.nodelink.metrics.history.codec.TimestampDecoder;
import io.nodelink.metrics.history.codec.TimestampRuns;
import io.nodelink.metrics.history.codec.ValueDecoder;
import io.nodelink.metrics.history.codec.ValueEncoder;

/**
 * An immutable, compressed run of raw points of one series, readable without a lock. Two layouts in
 * one {@code long[]}: <em>streaming</em>, as the open chunk writes it point by point (timestamps
 * delta-of-delta, then the value column from its word offset on), and <em>packed</em>, made when a
 * chunk is sealed and knows all its points: timestamps as runs of equal steps, then values as
 * Rice-coded decimal deltas ({@link DecimalDeltas}) or, when that is not smaller or not possible,
 * the streaming value codec.
 */
final class RawChunk {

  /** Object header, fields and the array header, for the memory estimate. */
  static final long OVERHEAD_BYTES = 48 + 16;

  final long first;
  final long last;
  final int count;
  private final long[] words;
  private final int valueBitOffset;
  private final boolean packed;

  /**
   * {@link EncodedChunk#header()} of a packed chunk (a streaming one's is its value word offset).
   */
  private static final int PACKED_HEADER = -1;

  RawChunk(long first, long last, int count, BitWriter timestamps, BitWriter values) {
    this.first = first;
    this.last = last;
    this.count = count;
    int timestampWords = BitWriter.wordsFor(timestamps.bitCount());
    this.words = new long[timestampWords + BitWriter.wordsFor(values.bitCount())];
    timestamps.copyTo(words, 0);
    values.copyTo(words, timestampWords);
    this.valueBitOffset = timestampWords * 64;
    this.packed = false;
  }

  private RawChunk(
      long first, long last, int count, long[] words, int valueBitOffset, boolean packed) {
    this.first = first;
    this.last = last;
    this.count = count;
    this.words = words;
    this.valueBitOffset = valueBitOffset;
    this.packed = packed;
  }

  /** The chunk as bytes for a durable store; the header tells the layout. */
  EncodedChunk toEncoded() {
    int header = packed ? PACKED_HEADER : valueBitOffset / 64;
    return new EncodedChunk(first, last, count, EncodedChunk.toBytes(header, words));
  }

  /** The chunk {@link #toEncoded} wrote. */
  static RawChunk fromEncoded(EncodedChunk encoded) {
    long[] words = encoded.words();
    int header = encoded.header();
    return header == PACKED_HEADER
        ? new RawChunk(encoded.first(), encoded.last(), encoded.count(), words, 0, true)
        : new RawChunk(encoded.first(), encoded.last(), encoded.count(), words, header * 64, false);
  }

  /** Compresses points {@code [from, to)} of a sorted buffer without duplicates, packed. */
  static RawChunk encode(PointBuffer points, int from, int to) {
    BitWriter bits = new BitWriter(2 + (to - from) / 8);
    TimestampRuns.write(bits, points.timestamps, from, to);
    BitWriter decimal = new BitWriter(1 + (to - from) / 8);
    boolean isDecimal = DecimalDeltas.write(decimal, points.values, from, to);
    BitWriter streaming = new BitWriter(1 + (to - from) / 8);
    ValueEncoder encoder = new ValueEncoder();
    for (int i = from; i < to; i++) {
      encoder.write(streaming, points.values[i]);
    }
    boolean useDecimal = isDecimal && decimal.bitCount() < streaming.bitCount();
    bits.write(useDecimal ? 1 : 0, 1);
    bits.append(useDecimal ? decimal : streaming);
    return new RawChunk(
        points.timestamps[from], points.timestamps[to - 1], to - from, bits.toWords(), 0, true);
  }

  boolean isPacked() {
    return packed;
  }

  /** This chunk packed (see the class comment). */
  RawChunk packed() {
    if (packed) {
      return this;
    }
    PointBuffer points = new PointBuffer(count);
    decodeAll(points);
    return encode(points, 0, points.size);
  }

  boolean overlaps(long from, long to) {
    return last >= from && first <= to;
  }

  /** Appends every point of the chunk to {@code out}. */
  void decodeAll(PointBuffer out) {
    decode(Long.MIN_VALUE, Long.MAX_VALUE, out);
  }

  /** Appends the points in {@code [from, to]} to {@code out}, ascending. */
  void decode(long from, long to, PointBuffer out) {
    if (packed) {
      decodePacked(from, to, out);
      return;
    }
    BitReader timestampBits = new BitReader(words, 0);
    BitReader valueBits = new BitReader(words, valueBitOffset);
    TimestampDecoder timestamps = new TimestampDecoder();
    ValueDecoder values = new ValueDecoder();
    for (int i = 0; i < count; i++) {
      long t = timestamps.read(timestampBits);
      double v = values.read(valueBits);
      if (t > to) {
        return;
      }
      if (t >= from) {
        out.add(t, v);
      }
    }
  }

  private void decodePacked(long from, long to, PointBuffer out) {
    BitReader bits = new BitReader(words, 0);
    long[] timestamps = new long[count];
    TimestampRuns.read(bits, timestamps, count);
    double[] values = new double[count];
    if (bits.readBit()) {
      DecimalDeltas.read(bits, values, count);
    } else {
      ValueDecoder decoder = new ValueDecoder();
      for (int i = 0; i < count; i++) {
        values[i] = decoder.read(bits);
      }
    }
    for (int i = 0; i < count && timestamps[i] <= to; i++) {
      if (timestamps[i] >= from) {
        out.add(timestamps[i], values[i]);
      }
    }
  }

  long bytes() {
    return OVERHEAD_BYTES + 8L * words.length;
  }
}
