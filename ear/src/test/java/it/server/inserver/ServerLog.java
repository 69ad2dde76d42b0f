package it.server.inserver;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the test server's messages.log, so a test can check what was logged during it. */
final class ServerLog {

  /** {@code [date] thread class E MSGID: ...}: the level letter after the padded class. */
  private static final Pattern ERROR = Pattern.compile("^\\[[^\\]]+\\] \\p{XDigit}+ \\S+\\s+E .*");

  private ServerLog() {}

  static Path file() {
    return Path.of(System.getProperty("liberty.server.dir"), "logs", "messages.log");
  }

  /** The current length of messages.log in bytes. */
  static long size() {
    try {
      return Files.size(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * ERROR lines written after {@code offset} and after the first line containing {@code marker} (so
   * stragglers of earlier tests are not blamed on this one); none if the marker is absent.
   */
  static List<String> errorsAfter(long offset, String marker) {
    List<String> lines = linesSince(offset);
    int from = 0;
    while (from < lines.size() && !lines.get(from).contains(marker)) {
      from++;
    }
    return lines.subList(from, lines.size()).stream()
        .filter(line -> ERROR.matcher(line).matches())
        .toList();
  }

  /** Lines written after {@code offset}. */
  static List<String> linesSince(long offset) {
    try (RandomAccessFile log = new RandomAccessFile(file().toFile(), "r")) {
      byte[] tail = new byte[(int) Math.max(0, log.length() - offset)];
      log.seek(offset);
      log.readFully(tail);
      return new String(tail, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
