package io.nodelink.metrics.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** {@code 2026-11-28T22:40:01.123Z INFO [AgentConnection] connected to ...}: one line a record. */
public final class OneLineFormatter extends Formatter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Override
  public String format(LogRecord r) {
    String name = r.getLoggerName() == null ? "" : r.getLoggerName();
    StringBuilder b =
        new StringBuilder(128)
            .append(TIME.format(r.getInstant()))
            .append(' ')
            .append(String.format("%-7s", r.getLevel().getName()))
            .append(" [")
            .append(name.substring(name.lastIndexOf('.') + 1))
            .append("] ")
            .append(formatMessage(r));
    if (r.getThrown() != null) {
      StringWriter sw = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(sw));
      b.append(" | ").append(sw.toString().replace(System.lineSeparator(), " | "));
    }
    return b.append(System.lineSeparator()).toString();
  }
}
