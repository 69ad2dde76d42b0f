package io.nodelink.metrics.client;

import java.util.Locale;

/** Extension: how a history bucket combines its raw points (the server's default is the mean). */
public enum HistoryAggregation {
  AVG,
  MIN,
  MAX,
  LAST;

  /** The query parameter form: {@code avg}, {@code min}, {@code max}, {@code last}. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }
}
