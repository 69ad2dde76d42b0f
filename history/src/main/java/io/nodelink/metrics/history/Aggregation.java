package io.nodelink.metrics.history;

import java.util.Locale;

/** How the raw points of one bucket become the bucket's value. */
public enum Aggregation {
  AVG,
  MIN,
  MAX,
  LAST;

  /** Parses the query parameter form ({@code avg}, {@code min}, ...), case-insensitive. */
  public static Aggregation parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
