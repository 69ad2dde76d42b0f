package io.nodelink.metrics.history.durable;

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
 * The bytes of a tail record: the points one agent appended between two flushes, per series (name,
 * then time deltas and values). A few seconds of points per series: plain, not compressed.
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
        long previous = 0;
        for (int i = 0; i < points.size(); i++) {
          out.writeLong(points.timestamps()[i] - previous);
          out.writeDouble(points.values()[i]);
          previous = points.timestamps()[i];
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
        long[] timestamps = new long[count];
        double[] values = new double[count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
          previous += in.readLong();
          timestamps[i] = previous;
          values[i] = in.readDouble();
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
