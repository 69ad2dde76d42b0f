package io.nodelink.metrics.server.prometheus.remotewrite;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.nodelink.metrics.prompb.Label;
import io.nodelink.metrics.prompb.TimeSeries;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.Family;
import io.nodelink.metrics.server.prometheus.Sample;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of snapshots as the bytes of one remote-write {@code WriteRequest}: one {@code
 * TimeSeries} per metric name and label set, its samples in the batch's order (which is time order
 * per agent), labels sorted by name with {@code __name__} among them, as the specification
 * requires. Every series also gets {@code job}, as a scrape would give it (dashboards select on
 * it).
 *
 * <p>Each series' labels are encoded once and kept while its snapshots carry the same label set
 * (the conversion keeps one {@link Labels} per series while the agent's snapshots carry it):
 * building a message per label and per sample with the generated classes allocated ~1.4 KB per
 * sample, which at a fleet's rate kept the collector busier than the sending. Not thread-safe: one
 * per lane, which sends one request at a time.
 */
final class WriteRequestEncoder {

  /** Label sets kept; past this many (a fleet churning through names) the cache starts again. */
  private static final int MAX_CACHED_SERIES = 200_000;

  private static final int TIME_SERIES = 1;
  private static final int TIME_SERIES_SAMPLES = 2;
  private static final int SAMPLE_VALUE = 1;
  private static final int SAMPLE_TIMESTAMP = 2;

  private final String job;
  private final Map<SeriesIdentity, byte[]> labelsBySeries = new HashMap<>();

  /**
   * One array per encoded label set: equal label sets in other objects (an agent that reconnected)
   * then share it, and a batch groups their samples by the array's identity.
   */
  private final Map<ByteBuffer, byte[]> canonical = new HashMap<>();

  WriteRequestEncoder(String job) {
    this.job = job;
  }

  /** A family and a label set, compared by identity: the conversion keeps both per series. */
  private record SeriesIdentity(Family family, Labels labels) {
    @Override
    public boolean equals(Object other) {
      return other instanceof SeriesIdentity that && family == that.family && labels == that.labels;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(family) + System.identityHashCode(labels);
    }
  }

  /** The serialized {@code WriteRequest} of {@code batch}. */
  byte[] encode(List<AgentSamples> batch) {
    List<SeriesSamples> series = group(batch);
    int size = 0;
    for (SeriesSamples s : series) {
      size += lengthDelimitedSize(TIME_SERIES, s.size());
    }
    byte[] out = new byte[size];
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    try {
      for (SeriesSamples s : series) {
        s.writeTo(coded);
      }
      coded.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The batch's samples by series, series in order of first appearance. */
  private List<SeriesSamples> group(List<AgentSamples> batch) {
    Map<byte[], SeriesSamples> byLabels = new IdentityHashMap<>();
    List<SeriesSamples> ordered = new ArrayList<>();
    for (AgentSamples snapshot : batch) {
      for (Sample sample : snapshot.samples()) {
        byte[] labels = labelBytes(sample);
        SeriesSamples series = byLabels.get(labels);
        if (series == null) {
          series = new SeriesSamples(labels);
          byLabels.put(labels, series);
          ordered.add(series);
        }
        series.add(sample.value(), snapshot.timestampMillis());
      }
    }
    return ordered;
  }

  private byte[] labelBytes(Sample sample) {
    SeriesIdentity series = new SeriesIdentity(sample.family(), sample.labels());
    byte[] cached = labelsBySeries.get(series);
    if (cached != null) {
      return cached;
    }
    if (labelsBySeries.size() >= MAX_CACHED_SERIES) {
      labelsBySeries.clear();
      canonical.clear();
    }
    byte[] encoded = encodeLabels(sample.family().sampleName(), sample.labels());
    byte[] bytes = canonical.computeIfAbsent(ByteBuffer.wrap(encoded), k -> encoded);
    labelsBySeries.put(series, bytes);
    return bytes;
  }

  /** The labels field of a {@code TimeSeries}, as the generated classes write it. */
  private byte[] encodeLabels(String name, Labels labels) {
    List<Label> all = new ArrayList<>(labels.size() + 2);
    all.add(Label.newBuilder().setName("__name__").setValue(name).build());
    all.add(Label.newBuilder().setName("job").setValue(job).build());
    for (int i = 0; i < labels.size(); i++) {
      all.add(
          Label.newBuilder()
              .setName(labels.getPrometheusName(i))
              .setValue(labels.getValue(i))
              .build());
    }
    all.sort((a, b) -> a.getName().compareTo(b.getName()));
    return TimeSeries.newBuilder().addAllLabels(all).build().toByteArray();
  }

  private static int lengthDelimitedSize(int field, int length) {
    return CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(length)
        + length;
  }

  /** One series' samples in a batch: its encoded labels, values and times. */
  private static final class SeriesSamples {
    private final byte[] labels;
    private double[] values = new double[1];
    private long[] millis = new long[1];
    private int count;

    SeriesSamples(byte[] labels) {
      this.labels = labels;
    }

    void add(double value, long timestampMillis) {
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
        millis = Arrays.copyOf(millis, count * 2);
      }
      values[count] = value;
      millis[count] = timestampMillis;
      count++;
    }

    /** The size of the {@code TimeSeries} message, without its own tag and length. */
    int size() {
      int size = labels.length;
      for (int i = 0; i < count; i++) {
        size += lengthDelimitedSize(TIME_SERIES_SAMPLES, sampleSize(i));
      }
      return size;
    }

    /** A {@code Sample} as proto3 writes it: fields at their default value are left out. */
    private int sampleSize(int i) {
      int size = 0;
      if (Double.doubleToRawLongBits(values[i]) != 0) {
        size += CodedOutputStream.computeDoubleSize(SAMPLE_VALUE, values[i]);
      }
      if (millis[i] != 0) {
        size += CodedOutputStream.computeInt64Size(SAMPLE_TIMESTAMP, millis[i]);
      }
      return size;
    }

    void writeTo(CodedOutputStream out) throws IOException {
      out.writeTag(TIME_SERIES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(size());
      out.writeRawBytes(labels);
      for (int i = 0; i < count; i++) {
        out.writeTag(TIME_SERIES_SAMPLES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(sampleSize(i));
        if (Double.doubleToRawLongBits(values[i]) != 0) {
          out.writeDouble(SAMPLE_VALUE, values[i]);
        }
        if (millis[i] != 0) {
          out.writeInt64(SAMPLE_TIMESTAMP, millis[i]);
        }
      }
    }
  }
}
