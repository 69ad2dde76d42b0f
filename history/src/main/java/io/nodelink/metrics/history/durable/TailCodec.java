package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.codec.BitReader;
import io.nodelink.metrics.history.codec.BitWriter;
import io.nodelink.metrics.history.codec.TimestampDecoder;
import io.nodelink.metrics.history.codec.TimestampEncoder;
import io.nodelink.metrics.history.codec.ValueDecoder;
import io.nodelink.metrics.history.codec.ValueEncoder;
import io.nodelink.metrics.history.compact.SeriesPoints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a tail record: the points one agent appended between two flushes, per series: the
 * name, then timestamps and values with the chunks' Gorilla codecs (about 2 bytes per point instead
 * of 16; 5,000 agents write one record each per flush).
 */
final class TailCodec {

  private static final int VERSION = 1;

  private TailCodec() {}

  static byte[] encode(List<SeriesPoints> series) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 24 * series.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(series.size());
      for (SeriesPoints points : series) {
        out.writeUTF(points.series());
        out.writeInt(points.size());
        BitWriter bits = new BitWriter(1 + points.size() / 4);
        TimestampEncoder timestamps = new TimestampEncoder();
        ValueEncoder values = new ValueEncoder();
        for (int i = 0; i < points.size(); i++) {
          timestamps.write(bits, points.timestamps()[i]);
          values.write(bits, points.values()[i]);
        }
        long[] words = bits.toWords();
        out.writeInt(words.length);
        for (long word : words) {
          out.writeLong(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<SeriesPoints> decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("Unknown tail record version " + version);
      }
      int n = in.readInt();
      List<SeriesPoints> series = new ArrayList<>(n);
      for (int s = 0; s < n; s++) {
        String name = in.readUTF();
        int count = in.readInt();
        long[] words = new long[in.readInt()];
        for (int w = 0; w < words.length; w++) {
          words[w] = in.readLong();
        }
        BitReader bits = new BitReader(words, 0);
        TimestampDecoder timestampDecoder = new TimestampDecoder();
        ValueDecoder valueDecoder = new ValueDecoder();
        long[] timestamps = new long[count];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
          timestamps[i] = timestampDecoder.read(bits);
          values[i] = valueDecoder.read(bits);
        }
        series.add(new SeriesPoints(name, timestamps, values));
      }
      return series;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest timestamp in the record. */
  static long newest(List<SeriesPoints> series) {
    long newest = Long.MIN_VALUE;
    for (SeriesPoints points : series) {
      for (long t : points.timestamps()) {
        newest = Math.max(newest, t);
      }
    }
    return newest;
  }
}
