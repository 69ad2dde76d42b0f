package io.nodelink.metrics.server.prometheus.remotewrite;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of snapshots as the bytes of one remote-write {@code WriteRequest} (before snappy): one
 * {@code TimeSeries} per series, its samples in the batch's order (which is time order per agent),
 * labels sorted by name with {@code __name__} among them, as the specification requires. Every
 * series also gets {@code job}, as a scrape would give it (dashboards select on it).
 *
 * <p>Written straight to bytes, each series' labels encoded once for as long as the series lives
 * ({@link EncodedLabels}, kept on its {@code SeriesLabels}): with the generated message builders a
 * body of 1,725 samples allocated 2.4 MB (a message per label and per sample) and most of its time
 * was spent encoding the same labels again.
 */
final class WriteRequestEncoder {

  private static final int TIMESERIES = 1;
  private static final int SAMPLES = 2;
  private static final int SAMPLE_VALUE = 1;
  private static final int SAMPLE_TIMESTAMP = 2;

  private WriteRequestEncoder() {}

  static byte[] encode(List<AgentSamples> batch, String job) {
    List<SeriesSamples> series = grouped(batch);
    byte[] jobLabel = EncodedLabels.label("job", job);
    int size = 0;
    for (SeriesSamples s : series) {
      s.size = s.labels.bytes().length + jobLabel.length + s.samplesSize();
      size += CodedOutputStream.computeTagSize(TIMESERIES) + varintSize(s.size) + s.size;
    }
    byte[] out = new byte[size];
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    try {
      for (SeriesSamples s : series) {
        write(coded, s, jobLabel);
      }
      coded.checkNoSpaceLeft();
    } catch (IOException e) {
      // Only if the sizes above were wrong: a bug, not an I/O condition.
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The batch's samples by series (by label set), in first-seen order. */
  private static List<SeriesSamples> grouped(List<AgentSamples> batch) {
    Map<EncodedLabels, SeriesSamples> bySeries = new HashMap<>();
    List<SeriesSamples> inOrder = new ArrayList<>();
    for (AgentSamples snapshot : batch) {
      for (Sample sample : snapshot.samples()) {
        EncodedLabels labels = sample.series().exported(EncodedLabels.class);
        if (labels == null) {
          labels = EncodedLabels.of(sample.family().sampleName(), sample.labels());
          sample.series().export(labels);
        }
        SeriesSamples s = bySeries.get(labels);
        if (s == null) {
          s = new SeriesSamples(labels);
          bySeries.put(labels, s);
          inOrder.add(s);
        }
        s.add(sample.value(), snapshot.timestampMillis());
      }
    }
    return inOrder;
  }

  private static void write(CodedOutputStream out, SeriesSamples s, byte[] jobLabel)
      throws IOException {
    byte[] labels = s.labels.bytes();
    int jobAt = s.labels.jobAt();
    out.writeTag(TIMESERIES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(s.size);
    out.writeRawBytes(labels, 0, jobAt);
    out.writeRawBytes(jobLabel);
    out.writeRawBytes(labels, jobAt, labels.length - jobAt);
    for (int i = 0; i < s.count; i++) {
      out.writeTag(SAMPLES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(sampleSize(s.timestamps[i]));
      out.writeDouble(SAMPLE_VALUE, s.values[i]);
      out.writeInt64(SAMPLE_TIMESTAMP, s.timestamps[i]);
    }
  }

  /** A {@code Sample} message; both fields written, zeros too (a parser takes either). */
  private static int sampleSize(long timestamp) {
    return CodedOutputStream.computeDoubleSize(SAMPLE_VALUE, 0)
        + CodedOutputStream.computeInt64Size(SAMPLE_TIMESTAMP, timestamp);
  }

  private static int varintSize(int value) {
    return CodedOutputStream.computeUInt32SizeNoTag(value);
  }

  /** One series' samples in one request. */
  private static final class SeriesSamples {
    private final EncodedLabels labels;
    private double[] values = new double[1];
    private long[] timestamps = new long[1];
    private int count;
    private int size;

    SeriesSamples(EncodedLabels labels) {
      this.labels = labels;
    }

    void add(double value, long timestamp) {
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
        timestamps = Arrays.copyOf(timestamps, count * 2);
      }
      values[count] = value;
      timestamps[count++] = timestamp;
    }

    int samplesSize() {
      int size = 0;
      for (int i = 0; i < count; i++) {
        int sample = sampleSize(timestamps[i]);
        size += CodedOutputStream.computeTagSize(SAMPLES) + varintSize(sample) + sample;
      }
      return size;
    }
  }
}
