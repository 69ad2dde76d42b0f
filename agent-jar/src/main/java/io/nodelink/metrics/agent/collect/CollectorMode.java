package io.nodelink.metrics.agent.collect;

import java.util.Locale;

/**
 * How the collectors read the system ({@code collectors=}). CPU temperature always comes from
 * OSHI's sensors.
 */
public enum CollectorMode {
  /**
   * {@code /proc} and {@code /sys} only: fast on Linux, a collector fails where they are missing.
   */
  PROCFS,
  /** OSHI only: every platform OSHI supports, slower than {@code /proc} on Linux. */
  OSHI,
  /** Per collector: {@code /proc} when the files it needs are there, OSHI otherwise. */
  AUTO;

  /** Parses {@code procfs}, {@code oshi} or {@code auto} (any case); null for anything else. */
  public static CollectorMode parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "procfs" -> PROCFS;
      case "oshi" -> OSHI;
      case "auto" -> AUTO;
      default -> null;
    };
  }

  /** The configuration value, e.g. {@code procfs}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
