package io.nodelink.metrics.server.alerts;

import java.util.Locale;

/** How a rule reduces its window to one value: a rule's {@code agg}. */
enum Aggregation {
  AVG,
  MIN,
  MAX,
  LAST;

  /** The aggregation a validated rule names. */
  static Aggregation of(String agg) {
    return valueOf(agg.toUpperCase(Locale.ROOT));
  }
}
