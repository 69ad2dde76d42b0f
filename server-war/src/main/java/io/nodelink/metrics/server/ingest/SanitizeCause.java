package io.nodelink.metrics.server.ingest;

/** Why the server changed or dropped part of what an agent sent (the {@code cause} metric tag). */
public enum SanitizeCause {
  /** A NaN or ±Infinity value: 0 in the stored snapshot, no point in the history. */
  NON_FINITE("non_finite"),
  /** A string with control characters or longer than the cap: stripped and truncated. */
  STRING("string"),
  /** A system info with more installed packages than the cap: the rest dropped. */
  PACKAGES("packages"),
  /**
   * Any other list (disks, interfaces, cores, addresses, ...) longer than the cap: the rest
   * dropped.
   */
  LIST("list"),
  /** A timestamp outside the window around the server clock: clamped or dropped. */
  TIMESTAMP("timestamp");

  private final String tag;

  SanitizeCause(String tag) {
    this.tag = tag;
  }

  /** The value of the metric's {@code cause} tag. */
  public String tag() {
    return tag;
  }
}
