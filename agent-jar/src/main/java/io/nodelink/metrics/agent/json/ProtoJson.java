package io.nodelink.metrics.agent.json;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.List;

/**
 * Writes a proto message as the contract's JSON: proto field names (snake_case) in field-number
 * order, every field present (zero, {@code ""}, {@code []} or a nested object of zeros when unset),
 * 64-bit integers as plain numbers, enums by name. Protobuf's own JsonFormat gets three of those
 * wrong (camelCase, quoted 64-bit integers, omitted defaults).
 */
public final class ProtoJson {
  private ProtoJson() {}

  /** The message as a JSON object, with {@code agent_id} first (the contract's REST shapes). */
  public static String withAgentId(String agentId, MessageOrBuilder message) {
    StringBuilder out = new StringBuilder(1024);
    out.append("{\"agent_id\":");
    string(out, agentId);
    fields(out, message, true);
    return out.append('}').toString();
  }

  /** The message as a JSON object. */
  public static String toJson(MessageOrBuilder message) {
    StringBuilder out = new StringBuilder(1024);
    out.append('{');
    fields(out, message, false);
    return out.append('}').toString();
  }

  private static void fields(StringBuilder out, MessageOrBuilder message, boolean comma) {
    boolean first = !comma;
    for (FieldDescriptor f : message.getDescriptorForType().getFields()) {
      if (isWireOnly(f)) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, f.getName());
      out.append(':');
      if (f.isRepeated()) {
        out.append('[');
        List<?> values = (List<?>) message.getField(f);
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          value(out, f, values.get(i));
        }
        out.append(']');
      } else {
        value(out, f, message.getField(f));
      }
    }
  }

  /**
   * {@code buffered} says how a snapshot travelled (sent late, after a reconnect), not what it
   * measured; the contract's JSON snapshot has no such field.
   */
  private static boolean isWireOnly(FieldDescriptor f) {
    return f.getContainingType() == MetricsDataResponse.getDescriptor()
        && f.getNumber() == MetricsDataResponse.BUFFERED_FIELD_NUMBER;
  }

  private static void value(StringBuilder out, FieldDescriptor f, Object v) {
    switch (f.getJavaType()) {
      case MESSAGE -> {
        out.append('{');
        fields(out, (MessageOrBuilder) v, false);
        out.append('}');
      }
      case STRING -> string(out, (String) v);
      case ENUM -> string(out, ((EnumValueDescriptor) v).getName());
      case BOOLEAN -> out.append(((Boolean) v).booleanValue());
      case DOUBLE, FLOAT -> number(out, ((Number) v).doubleValue());
      case LONG -> unsignedAware(out, f, ((Long) v).longValue());
      case INT -> {
        int i = (Integer) v;
        if (f.getType() == FieldDescriptor.Type.UINT32
            || f.getType() == FieldDescriptor.Type.FIXED32) {
          out.append(Integer.toUnsignedString(i));
        } else {
          out.append(i);
        }
      }
      case BYTE_STRING ->
          string(
              out,
              java.util.Base64.getEncoder()
                  .encodeToString(((com.google.protobuf.ByteString) v).toByteArray()));
    }
  }

  private static void unsignedAware(StringBuilder out, FieldDescriptor f, long v) {
    if (f.getType() == FieldDescriptor.Type.UINT64 || f.getType() == FieldDescriptor.Type.FIXED64) {
      out.append(Long.toUnsignedString(v));
    } else {
      out.append(v);
    }
  }

  private static void number(StringBuilder out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append('0'); // JSON has no NaN; the contract's "unknown" is 0
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append((long) d);
    } else {
      out.append(d);
    }
  }

  /** Appends a JSON string literal. */
  public static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
