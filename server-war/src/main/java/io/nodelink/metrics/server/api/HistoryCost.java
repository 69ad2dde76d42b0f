package io.nodelink.metrics.server.api;

import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.server.domain.DomainException;

/**
 * The most values a history answer may hold, checked before the query runs: the answer has at most
 * {@code max_points} points per series, so series × {@code max_points} bounds it, whatever the
 * range and interval. The series are those asked for in {@code metrics}, or every series the agent
 * has when {@code metrics} is empty.
 */
final class HistoryCost {

  private HistoryCost() {}

  /**
   * @param seriesCount the series the query covers
   * @throws DomainException (400) naming {@code nodelink.history.max-values} when over it
   */
  static void check(RangeQuery query, int seriesCount, long maxValues) {
    long values = (long) seriesCount * query.maxPoints();
    if (values > maxValues) {
      throw DomainException.badRequest(
          "the answer could hold "
              + values
              + " values ("
              + seriesCount
              + " series x max_points "
              + query.maxPoints()
              + "), more than the limit of "
              + maxValues
              + " (nodelink.history.max-values); ask for fewer series or a smaller max_points");
    }
  }
}
