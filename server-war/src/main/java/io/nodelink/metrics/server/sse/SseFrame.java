package io.nodelink.metrics.server.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Event encoded once, so every client is written the same bytes. The framing is
 * RESTEasy's ({@code SseEventProvider}, non-escaping): {@code event: name}, then the data with each
 * run of CR/LF starting a new {@code data: } line, then a blank line; comments as {@code : text}
 * lines. Clients have always received these exact bytes, so they must not change.
 */
public final class SseFrame {

  private static final byte[] EVENT_LEAD = bytes("event: ");
  private static final byte[] DATA_LEAD = bytes("data: ");
  private static final byte[] COMMENT_LEAD = bytes(": ");
  private static final int EOL = '\n';

  /** What RESTEasy writes when a stream opens, before any event. */
  static final SseFrame OPENING = new SseFrame(bytes("\n\n"));

  /** Sent every {@code nodelink.sse.keepalive-interval}: a dead client fails this write. */
  static final SseFrame KEEPALIVE = comment("keepalive");

  private final byte[] bytes;

  private SseFrame(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Bytes already framed elsewhere (another server's event stream), passed on as they are. */
  static SseFrame raw(byte[] bytes) {
    return new SseFrame(bytes);
  }

  /** An event named {@code name} carrying {@code data} (JSON, here). */
  public static SseFrame event(String name, String data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length() + name.length() + 16);
    out.writeBytes(EVENT_LEAD);
    out.writeBytes(bytes(name));
    out.write(EOL);
    out.writeBytes(DATA_LEAD);
    writeDataLines(bytes(data), out);
    out.write(EOL);
    out.write(EOL);
    return new SseFrame(out.toByteArray());
  }

  /** A comment, one {@code : } line per line of {@code text}; clients ignore it. */
  public static SseFrame comment(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
    // String.split drops trailing empty lines, and so does RESTEasy.
    for (String line : text.split("\n")) {
      out.writeBytes(COMMENT_LEAD);
      out.writeBytes(bytes(line));
      out.write(EOL);
    }
    out.write(EOL);
    return new SseFrame(out.toByteArray());
  }

  /**
   * The encoded frame, shared by every client: never modify it. Package-private so that only the
   * writers of this package see the array.
   */
  byte[] bytes() {
    return bytes;
  }

  /**
   * A run of CR/LF ends the line and the next byte opens a new {@code data: } line, as in RESTEasy.
   * UTF-8 never uses the bytes of CR or LF inside a multi-byte character, so bytes are safe here.
   * Text between line breaks is copied in bulk.
   */
  private static void writeDataLines(byte[] data, ByteArrayOutputStream out) {
    int lineStart = 0;
    boolean afterLineBreak = false;
    for (int i = 0; i < data.length; i++) {
      boolean lineBreak = data[i] == '\n' || data[i] == '\r';
      if (lineBreak && !afterLineBreak) {
        out.write(data, lineStart, i - lineStart);
        out.write(EOL);
      } else if (!lineBreak && afterLineBreak) {
        out.writeBytes(DATA_LEAD);
        lineStart = i;
      }
      afterLineBreak = lineBreak;
    }
    if (!afterLineBreak) {
      out.write(data, lineStart, data.length - lineStart);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
