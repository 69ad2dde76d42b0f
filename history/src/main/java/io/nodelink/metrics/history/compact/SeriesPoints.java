package io.nodelink.metrics.history.compact;

/**
 * Points of one series, ascending by the order they were appended (not necessarily by time).
 *
 * @param series the series name
 * @param timestamps Unix seconds, one per point
 * @param values the values, one per point
 */
public record SeriesPoints(String series, long[] timestamps, double[] values) {

  public int size() {
    return timestamps.length;
  }
}
