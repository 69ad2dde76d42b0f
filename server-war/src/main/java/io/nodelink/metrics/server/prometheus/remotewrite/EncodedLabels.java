package io.nodelink.metrics.server.prometheus.remotewrite;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A series' labels as the {@code labels} fields of a remote-write {@code TimeSeries}: {@code
 * __name__} and the series' labels, sorted by name, each a complete {@code Label} field, and where
 * the destination's {@code job} label goes to keep the order (it differs per destination, so it is
 * not in the bytes). Equal when the bytes are: a request groups samples by it, so a series that an
 * agent's reconnection started again is still one {@code TimeSeries} in a request.
 */
final class EncodedLabels {

  private static final int TIMESERIES_LABELS = 1;
  private static final int LABEL_NAME = 1;
  private static final int LABEL_VALUE = 2;

  private final byte[] bytes;
  private final int jobAt;
  private final int hash;

  private EncodedLabels(byte[] bytes, int jobAt) {
    this.bytes = bytes;
    this.jobAt = jobAt;
    this.hash = Arrays.hashCode(bytes);
  }

  static EncodedLabels of(String metricName, Labels labels) {
    List<String[]> sorted = new ArrayList<>(labels.size() + 1);
    sorted.add(new String[] {"__name__", metricName});
    for (int i = 0; i < labels.size(); i++) {
      sorted.add(new String[] {labels.getPrometheusName(i), labels.getValue(i)});
    }
    sorted.sort((a, b) -> a[0].compareTo(b[0]));
    byte[][] fields = new byte[sorted.size()][];
    int size = 0;
    int jobAt = -1;
    for (int i = 0; i < fields.length; i++) {
      if (jobAt < 0 && sorted.get(i)[0].compareTo("job") > 0) {
        jobAt = size;
      }
      fields[i] = label(sorted.get(i)[0], sorted.get(i)[1]);
      size += fields[i].length;
    }
    byte[] bytes = new byte[size];
    int at = 0;
    for (byte[] field : fields) {
      System.arraycopy(field, 0, bytes, at, field.length);
      at += field.length;
    }
    return new EncodedLabels(bytes, jobAt < 0 ? size : jobAt);
  }

  /** The encoded label fields. */
  byte[] bytes() {
    return bytes;
  }

  /** The offset in {@link #bytes} at which {@code job} sorts. */
  int jobAt() {
    return jobAt;
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof EncodedLabels that
            && hash == that.hash
            && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** One complete {@code Label} field of a {@code TimeSeries}. */
  static byte[] label(String name, String value) {
    int content =
        CodedOutputStream.computeStringSize(LABEL_NAME, name)
            + CodedOutputStream.computeStringSize(LABEL_VALUE, value);
    byte[] out =
        new byte
            [CodedOutputStream.computeTagSize(TIMESERIES_LABELS)
                + CodedOutputStream.computeUInt32SizeNoTag(content)
                + content];
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    try {
      coded.writeTag(TIMESERIES_LABELS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      coded.writeUInt32NoTag(content);
      coded.writeString(LABEL_NAME, name);
      coded.writeString(LABEL_VALUE, value);
      coded.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
