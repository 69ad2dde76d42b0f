package io.nodelink.metrics.history.durable;

import io.nodelink.metrics.history.codec.BitReader;
import io.nodelink.metrics.history.codec.BitWriter;
import io.nodelink.metrics.history.codec.TimestampDecoder;
import io.nodelink.metrics.history.codec.TimestampEncoder;
import io.nodelink.metrics.history.codec.ValueDecoder;
import io.nodelink.metrics.history.codec.ValueEncoder;
import io.nodelink.metrics.history.compact.UnflushedPoints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The bytes of a tail record: the snapshots one agent appended between two flushes within one chunk
 * window, in arrival order.
 *
 * <p>Version 2 (written now) is columnar like a snapshot: the series once per record (by their
 * catalog id once it is committed, by name before), the agent's layouts (which series a snapshot
 * has, in order) once, then one bit stream with the snapshots' timestamps (Gorilla delta-of-delta,
 * shared by all series of a snapshot) and each series' values with the chunks' value codec. A NaN
 * value stands for "no point" and is not replayed. Version 1 (a name, timestamps and values per
 * series) is still read, for records written before an upgrade.
 */
final class TailCodec {

  private static final int VERSION_BY_SERIES = 1;
  private static final int VERSION_BY_SNAPSHOT = 2;

  /** Receives the points of a record, in the order they were appended. */
  @FunctionalInterface
  interface PointSink {
    void point(String series, long timestampSeconds, double value);
  }

  private TailCodec() {}

  /**
   * Encodes the given entries of {@code points}.
   *
   * @param entries indexes into {@code points}, in arrival order
   * @param committedId the catalog id of a series, or 0 when it has none committed yet
   */
  static byte[] encode(UnflushedPoints points, int[] entries, ToLongFunction<String> committedId) {
    Map<String, Integer> seriesIndex = new LinkedHashMap<>();
    Map<String[], Integer> layoutIndex = new IdentityHashMap<>();
    List<int[]> layouts = new ArrayList<>();
    int[] entryLayouts = new int[entries.length];
    for (int e = 0; e < entries.length; e++) {
      String[] names = points.names()[entries[e]];
      Integer layout = layoutIndex.get(names);
      if (layout == null) {
        layout = layouts.size();
        layoutIndex.put(names, layout);
        int[] columns = new int[names.length];
        for (int k = 0; k < names.length; k++) {
          columns[k] = seriesIndex.computeIfAbsent(names[k], n -> seriesIndex.size());
        }
        layouts.add(columns);
      }
      entryLayouts[e] = layout;
    }
    BitWriter bits = new BitWriter(1 + entries.length * layouts.get(0).length / 4);
    TimestampEncoder timestamps = new TimestampEncoder();
    for (int entry : entries) {
      timestamps.write(bits, points.timestamps()[entry]);
    }
    ValueEncoder[] values = new ValueEncoder[seriesIndex.size()];
    for (int e = 0; e < entries.length; e++) {
      int[] columns = layouts.get(entryLayouts[e]);
      double[] row = points.values()[entries[e]];
      for (int k = 0; k < columns.length; k++) {
        if (values[columns[k]] == null) {
          values[columns[k]] = new ValueEncoder();
        }
        values[columns[k]].write(bits, row[k]);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + bits.bitCount() / 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION_BY_SNAPSHOT);
      writeVarint(out, seriesIndex.size());
      for (String name : seriesIndex.keySet()) {
        long id = committedId.applyAsLong(name);
        writeVarint(out, id);
        if (id == 0) {
          out.writeUTF(name);
        }
      }
      writeVarint(out, layouts.size());
      for (int[] columns : layouts) {
        writeVarint(out, columns.length);
        for (int column : columns) {
          writeVarint(out, column);
        }
      }
      writeVarint(out, entries.length);
      for (int layout : entryLayouts) {
        writeVarint(out, layout);
      }
      writeVarint(out, bits.bitCount());
      // At once, not byte by byte: each byte through the stream was a synchronized call, and this
      // loop was most of a flush's encoding time at thousands of agents.
      long[] words = bits.toWords();
      ByteBuffer packed = ByteBuffer.allocate(words.length * Long.BYTES);
      packed.asLongBuffer().put(words);
      out.write(packed.array(), 0, (bits.bitCount() + 7) / 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Hands the points of a record to {@code sink} in the order they were appended.
   *
   * @param nameOfId the name of a series of this record's agent by catalog id
   */
  static void decode(byte[] data, LongFunction<String> nameOfId, PointSink sink) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readUnsignedByte();
      switch (version) {
        case VERSION_BY_SNAPSHOT -> decodeBySnapshot(in, nameOfId, sink);
        case VERSION_BY_SERIES -> decodeBySeries(in, sink);
        default -> throw new IllegalArgumentException("Unknown tail record version " + version);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void decodeBySnapshot(
      DataInputStream in, LongFunction<String> nameOfId, PointSink sink) throws IOException {
    String[] series = new String[(int) readVarint(in)];
    for (int s = 0; s < series.length; s++) {
      long id = readVarint(in);
      series[s] = id == 0 ? in.readUTF() : nameOfId.apply(id);
      if (series[s] == null) {
        throw new IllegalArgumentException("Tail record names an unknown series id " + id);
      }
    }
    int[][] layouts = new int[(int) readVarint(in)][];
    for (int l = 0; l < layouts.length; l++) {
      layouts[l] = new int[(int) readVarint(in)];
      for (int k = 0; k < layouts[l].length; k++) {
        layouts[l][k] = (int) readVarint(in);
      }
    }
    int[] entryLayouts = new int[(int) readVarint(in)];
    for (int e = 0; e < entryLayouts.length; e++) {
      entryLayouts[e] = (int) readVarint(in);
    }
    int bitCount = (int) readVarint(in);
    long[] words = new long[BitWriter.wordsFor(bitCount)];
    for (int b = 0; b < (bitCount + 7) / 8; b++) {
      words[b >>> 3] |= (long) in.readUnsignedByte() << (56 - 8 * (b & 7));
    }
    BitReader bits = new BitReader(words, 0);
    long[] timestamps = new long[entryLayouts.length];
    TimestampDecoder timestampDecoder = new TimestampDecoder();
    for (int e = 0; e < timestamps.length; e++) {
      timestamps[e] = timestampDecoder.read(bits);
    }
    ValueDecoder[] values = new ValueDecoder[series.length];
    for (int e = 0; e < entryLayouts.length; e++) {
      for (int column : layouts[entryLayouts[e]]) {
        if (values[column] == null) {
          values[column] = new ValueDecoder();
        }
        double value = values[column].read(bits);
        if (!Double.isNaN(value)) {
          sink.point(series[column], timestamps[e], value);
        }
      }
    }
  }

  private static void decodeBySeries(DataInputStream in, PointSink sink) throws IOException {
    int n = in.readInt();
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
      for (int i = 0; i < count; i++) {
        sink.point(name, timestampDecoder.read(bits), valueDecoder.read(bits));
      }
    }
  }

  private static void writeVarint(DataOutputStream out, long value) throws IOException {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long readVarint(DataInputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("Malformed varint in a tail record");
  }
}
