package io.nodelink.metrics.server.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the duration forms operators write in config: {@code 30m}, {@code 5s}, {@code 1h}, {@code
 * 250ms}, ISO-8601 ({@code PT30M}) or a bare number of seconds.
 */
public final class Durations {

  private Durations() {}

  /** Parses {@code text}; throws {@link IllegalArgumentException} naming the bad value. */
  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
      }
      char unit = value.charAt(value.length() - 1);
      if (Character.isDigit(unit)) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
      return switch (unit) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException("unknown duration unit in '" + text + "'");
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a duration: '" + text + "'", e);
    }
  }
}
