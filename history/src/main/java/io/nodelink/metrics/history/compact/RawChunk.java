package io.nodelink.metrics.history.compact;

import io.nodelink.metrics.history.codec.BitReader;
import io.nodelink.metrics.history.codec.BitWriter;
import io.nodelink.metrics.history.codec.TimestampDecoder;
import io.nodelink.metrics.history.codec.TimestampEncoder;
import io.nodelink.metrics.history.codec.ValueDecoder;
import io.nodelink.metrics.history.codec.ValueEncoder;

/**
 * An immutable, compressed run of raw points of one series: one {@code long[]} holding the
 * timestamp column (delta-of-delta) followed by the value column, readable without a lock.
 */
final class RawChunk {

  /** Object header, fields and the array header, for the memory estimate. */
  static final long OVERHEAD_BYTES = 48 + 16;

  final long first;
  final long last;
  final int count;
  private final long[] words;
  private final int valueBitOffset;

  RawChunk(long first, long last, int count, BitWriter timestamps, BitWriter values) {
    this.first = first;
    this.last = last;
    this.count = count;
    int timestampWords = BitWriter.wordsFor(timestamps.bitCount());
    this.words = new long[timestampWords + BitWriter.wordsFor(values.bitCount())];
    timestamps.copyTo(words, 0);
    values.copyTo(words, timestampWords);
    this.valueBitOffset = timestampWords * 64;
  }

  private RawChunk(long first, long last, int count, long[] words, int valueBitOffset) {
    this.first = first;
    this.last = last;
    this.count = count;
    this.words = words;
    this.valueBitOffset = valueBitOffset;
  }

  /** The chunk as bytes for a durable store; the header is the value column's word offset. */
  EncodedChunk toEncoded() {
    return new EncodedChunk(first, last, count, EncodedChunk.toBytes(valueBitOffset / 64, words));
  }

  /** The chunk {@link #toEncoded} wrote. */
  static RawChunk fromEncoded(EncodedChunk encoded) {
    long[] words = encoded.words();
    int valueWord = encoded.header();
    return new RawChunk(encoded.first(), encoded.last(), encoded.count(), words, valueWord * 64);
  }

  /** Compresses points {@code [from, to)} of a sorted buffer without duplicates. */
  static RawChunk encode(PointBuffer points, int from, int to) {
    BitWriter timestamps = new BitWriter(1 + (to - from) / 32);
    BitWriter values = new BitWriter(1 + (to - from) / 8);
    TimestampEncoder timestampEncoder = new TimestampEncoder();
    ValueEncoder valueEncoder = new ValueEncoder();
    for (int i = from; i < to; i++) {
      timestampEncoder.write(timestamps, points.timestamps[i]);
      valueEncoder.write(values, points.values[i]);
    }
    return new RawChunk(
        points.timestamps[from], points.timestamps[to - 1], to - from, timestamps, values);
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

  long bytes() {
    return OVERHEAD_BYTES + 8L * words.length;
  }
}
