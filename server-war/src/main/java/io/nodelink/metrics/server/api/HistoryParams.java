package io.nodelink.metrics.server.api;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.server.domain.DomainException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query parameters of {@code GET .../metrics/history}, checked one by one so a bad value gets a
 * 400 that names it.
 */
public final class HistoryParams {

  /** The widest bucket accepted: 31 days. */
  static final long MAX_INTERVAL_SECONDS = 31L * 24 * 3600;

  private HistoryParams() {}

  /**
   * Builds the query; absent {@code start} means from the earliest kept point (the history answers
   * with that start), absent {@code end} means {@code nowSeconds}.
   *
   * @throws DomainException (400) for a non-numeric, negative or out-of-range value
   */
  public static RangeQuery parse(
      String metrics,
      String start,
      String end,
      String interval,
      String maxPoints,
      String agg,
      long nowSeconds,
      int defaultMaxPoints,
      int maxPointsLimit) {
    long from = number("start", start, 0, 0, Long.MAX_VALUE);
    long to = number("end", end, nowSeconds, 0, Long.MAX_VALUE);
    if (to < from) {
      throw DomainException.badRequest("end must not be before start");
    }
    long bucket = number("interval", interval, 0, 0, MAX_INTERVAL_SECONDS);
    long max = number("max_points", maxPoints, defaultMaxPoints, 1, maxPointsLimit);
    boolean fromEarliestKept = start == null || start.isBlank();
    return new RangeQuery(
        series(metrics), from, to, bucket, (int) max, aggregation(agg), fromEarliestKept);
  }

  static Set<String> series(String metrics) {
    if (metrics == null || metrics.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(metrics.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static Aggregation aggregation(String agg) {
    if (agg == null || agg.isBlank()) {
      return Aggregation.AVG;
    }
    try {
      return Aggregation.parse(agg);
    } catch (IllegalArgumentException e) {
      throw DomainException.badRequest("agg must be one of avg, min, max, last");
    }
  }

  /** A whole number in {@code [min, max]}; null or blank gives {@code fallback}. */
  static long number(String name, String raw, long fallback, long min, long max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw DomainException.badRequest(name + " must be a whole number, got '" + clip(raw) + "'");
    }
    if (value < min || value > max) {
      throw DomainException.badRequest(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  /** A streaming interval: 1–300 s, absent means {@code fallback}. */
  public static int streamInterval(String name, String raw, int fallback) {
    return (int) number(name, raw, fallback, 1, 300);
  }

  private static String clip(String raw) {
    return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
  }
}
