package io.nodelink.metrics.client;

import java.util.List;

/**
 * The parameters of {@code GET /agents/{id}/metrics/history}; null means "not sent" (the server's
 * default). Build one with {@link #all()} or {@link #of(String...)} and the withers:
 *
 * <pre>{@code
 * HistoryQuery.of("cpu.usage_percent").from(start).to(end).interval(60).maxPoints(100)
 * }</pre>
 *
 * @param metrics series names; empty means every series
 * @param start first Unix second; default the earliest point kept
 * @param end last Unix second; default now
 * @param interval bucket width in seconds; null or 0 gives raw points
 * @param maxPoints most points in the answer (server default 1000); the interval widens to fit
 * @param aggregation extension: how buckets combine raw points (server default avg)
 */
public record HistoryQuery(
    List<String> metrics,
    Long start,
    Long end,
    Long interval,
    Integer maxPoints,
    HistoryAggregation aggregation) {

  /** The series list is never null: none means every series. */
  public HistoryQuery {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }

  /** Every series, raw, with the server's defaults. */
  public static HistoryQuery all() {
    return new HistoryQuery(List.of(), null, null, null, null, null);
  }

  /** The named series, raw, with the server's defaults. */
  public static HistoryQuery of(String... series) {
    return new HistoryQuery(List.of(series), null, null, null, null, null);
  }

  public HistoryQuery from(long startSeconds) {
    return new HistoryQuery(metrics, startSeconds, end, interval, maxPoints, aggregation);
  }

  public HistoryQuery to(long endSeconds) {
    return new HistoryQuery(metrics, start, endSeconds, interval, maxPoints, aggregation);
  }

  public HistoryQuery interval(long bucketSeconds) {
    return new HistoryQuery(metrics, start, end, bucketSeconds, maxPoints, aggregation);
  }

  public HistoryQuery maxPoints(int most) {
    return new HistoryQuery(metrics, start, end, interval, most, aggregation);
  }

  public HistoryQuery aggregation(HistoryAggregation how) {
    return new HistoryQuery(metrics, start, end, interval, maxPoints, how);
  }
}
