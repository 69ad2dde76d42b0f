package io.nodelink.metrics.server.ingest;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes what an agent sends safe to keep, serialise and chart, without trusting the agent: every
 * double finite, every string bounded and free of control characters, package lists and every other
 * list bounded, and timestamps inside a window around the server clock. Pure: the caller passes the
 * time; an unchanged message is returned as the same instance.
 *
 * <p>Strings and numbers are found by walking the protobuf descriptors, so fields added to the
 * contract later are covered without a change here.
 */
public final class SnapshotSanitizer {

  /** Longest string kept, in UTF-8 bytes; longer ones are cut at a character boundary. */
  public static final int MAX_STRING_BYTES = 256;

  private static final int PACKAGES_FIELD = SystemSoftware.PACKAGES_FIELD_NUMBER;

  private final long maxFutureSeconds;
  private final long retentionSeconds;
  private final int maxPackages;
  private final int maxListSize;

  /** With no cap on lists other than the packages. */
  public SnapshotSanitizer(long maxFutureSeconds, long retentionSeconds, int maxPackages) {
    this(maxFutureSeconds, retentionSeconds, maxPackages, Integer.MAX_VALUE);
  }

  /**
   * @param maxFutureSeconds how far ahead of the server clock a timestamp may be
   * @param retentionSeconds how far behind it (the raw history retention)
   * @param maxPackages installed packages kept of one system info
   * @param maxListSize entries kept of every other repeated field (disks, interfaces, cores, IP
   *     addresses, CPU features, ...)
   */
  public SnapshotSanitizer(
      long maxFutureSeconds, long retentionSeconds, int maxPackages, int maxListSize) {
    this.maxFutureSeconds = maxFutureSeconds;
    this.retentionSeconds = retentionSeconds;
    this.maxPackages = maxPackages;
    this.maxListSize = maxListSize;
  }

  /**
   * A live snapshot whose timestamp is outside the window is clamped to {@code nowSeconds} (it was
   * measured just now, by a wrong clock); a buffered one outside it is dropped (its time is all it
   * carries). Timestamp 0 is left for the store, which stamps it with the server clock.
   */
  public SanitizedSnapshot sanitize(MetricsDataResponse data, long nowSeconds) {
    Set<SanitizeCause> causes = EnumSet.noneOf(SanitizeCause.class);
    if (!inWindow(data.getTimestamp(), nowSeconds)) {
      causes.add(SanitizeCause.TIMESTAMP);
      if (data.getBuffered()) {
        return new SanitizedSnapshot(null, null, causes);
      }
      data = data.toBuilder().setTimestamp(nowSeconds).build();
    }
    MetricsDataResponse history = (MetricsDataResponse) clean(data, Double.NaN, causes);
    MetricsDataResponse stored =
        causes.contains(SanitizeCause.NON_FINITE)
            ? (MetricsDataResponse) clean(history, 0.0, EnumSet.noneOf(SanitizeCause.class))
            : history;
    return new SanitizedSnapshot(stored, history, causes);
  }

  /** System info with bounded strings and package list, non-finite numbers as 0. */
  public SystemInfoResponse sanitize(SystemInfoResponse info, Set<SanitizeCause> causes) {
    return (SystemInfoResponse) clean(info, 0.0, causes);
  }

  private boolean inWindow(long timestamp, long nowSeconds) {
    if (timestamp == 0) {
      return true;
    }
    // uint64 on the wire: a "negative" long is a timestamp far in the future.
    return timestamp > 0
        && timestamp <= nowSeconds + maxFutureSeconds
        && timestamp >= nowSeconds - retentionSeconds;
  }

  private Message clean(Message message, double nonFinite, Set<SanitizeCause> causes) {
    Message.Builder builder = null;
    // Not getAllFields(): it builds a sorted map per message, which costs more than the checks.
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (!isSet(message, field)) {
        continue;
      }
      Object value = message.getField(field);
      Object cleaned =
          field.isRepeated()
              ? cleanList(field, (List<?>) value, nonFinite, causes)
              : cleanValue(field, value, nonFinite, causes);
      if (cleaned != value) {
        if (builder == null) {
          builder = message.toBuilder();
        }
        builder.setField(field, cleaned);
      }
    }
    return builder == null ? message : builder.build();
  }

  /** Whether a field holds anything to check: numbers and strings without a value are 0 or "". */
  private static boolean isSet(Message message, FieldDescriptor field) {
    if (field.isRepeated()) {
      return message.getRepeatedFieldCount(field) > 0;
    }
    return switch (field.getJavaType()) {
      case DOUBLE, FLOAT, STRING, MESSAGE -> message.hasField(field);
      default -> false;
    };
  }

  private List<?> cleanList(
      FieldDescriptor field, List<?> values, double nonFinite, Set<SanitizeCause> causes) {
    List<Object> out = null;
    int keep = values.size();
    int cap = isPackages(field) ? maxPackages : maxListSize;
    if (keep > cap) {
      causes.add(isPackages(field) ? SanitizeCause.PACKAGES : SanitizeCause.LIST);
      keep = cap;
      out = new ArrayList<>(values.subList(0, keep));
    }
    for (int i = 0; i < keep; i++) {
      Object value = values.get(i);
      Object cleaned = cleanValue(field, value, nonFinite, causes);
      if (cleaned != value) {
        if (out == null) {
          out = new ArrayList<>(values.subList(0, keep));
        }
        out.set(i, cleaned);
      }
    }
    return out == null ? values : out;
  }

  private static boolean isPackages(FieldDescriptor field) {
    return field.getNumber() == PACKAGES_FIELD
        && field.getContainingType() == SystemSoftware.getDescriptor();
  }

  private Object cleanValue(
      FieldDescriptor field, Object value, double nonFinite, Set<SanitizeCause> causes) {
    return switch (field.getJavaType()) {
      case DOUBLE -> isFinite((Double) value, causes) ? value : replacement(value, nonFinite);
      case FLOAT ->
          isFinite((Float) value, causes)
              ? value
              : (Object) (float) (double) replacement(value, nonFinite);
      case STRING -> cleanString((String) value, causes);
      case MESSAGE -> clean((Message) value, nonFinite, causes);
      default -> value;
    };
  }

  private static boolean isFinite(double value, Set<SanitizeCause> causes) {
    if (Double.isFinite(value)) {
      return true;
    }
    causes.add(SanitizeCause.NON_FINITE);
    return false;
  }

  /** The replacement; a NaN replaced by NaN stays the same instance, so it changes nothing. */
  private static Double replacement(Object value, double nonFinite) {
    return Double.isNaN(nonFinite) && value instanceof Double d && d.isNaN()
        ? d
        : Double.valueOf(nonFinite);
  }

  /** The string without control characters, cut to {@link #MAX_STRING_BYTES} UTF-8 bytes. */
  static String cleanString(String value, Set<SanitizeCause> causes) {
    String cleaned = clean(value);
    if (cleaned != value) {
      causes.add(SanitizeCause.STRING);
    }
    return cleaned;
  }

  private static String clean(String value) {
    if (isPlain(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_STRING_BYTES));
    int bytes = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isISOControl(cp)) {
        continue;
      }
      int size = utf8Length(cp);
      if (bytes + size > MAX_STRING_BYTES) {
        break;
      }
      bytes += size;
      out.appendCodePoint(cp);
    }
    String cleaned = out.toString();
    return cleaned.equals(value) ? value : cleaned;
  }

  /** The common case, checked without copying: short enough even at 3 bytes a char, no controls. */
  private static boolean isPlain(String value) {
    if (value.length() > MAX_STRING_BYTES / 3) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    return cp < 0x10000 ? 3 : 4;
  }
}
