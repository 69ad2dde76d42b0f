package io.nodelink.metrics.server.api.errors;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks the percent-encoding of a raw (undecoded) query string, one parameter at a time. */
public final class QueryStrings {

  private static final int MAX_NAME_LENGTH = 40;

  private QueryStrings() {}

  /**
   * The problem with the first parameter whose name or value has a {@code %} not followed by two
   * hex digits, worded for a 400 answer; empty when the whole query string decodes.
   */
  public static Optional<String> malformedPercentEncoding(String rawQuery) {
    if (rawQuery == null || rawQuery.indexOf('%') < 0) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!wellFormed(name)) {
        return Optional.of("malformed percent-encoding in the query string");
      }
      if (eq >= 0 && !wellFormed(pair.substring(eq + 1))) {
        return Optional.of("query parameter '" + shown(name) + "' has malformed percent-encoding");
      }
    }
    return Optional.empty();
  }

  /** Every {@code %} is followed by two hex digits. */
  static boolean wellFormed(String raw) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 3)) {
      if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /** The decoded name, clipped, for the message (it is well formed when this is called). */
  private static String shown(String rawName) {
    String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
    return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) + "..." : name;
  }
}
