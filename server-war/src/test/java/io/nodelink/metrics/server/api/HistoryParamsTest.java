package io.nodelink.metrics.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.server.domain.DomainException;
import org.junit.jupiter.api.Test;

class HistoryParamsTest {

  private static final long NOW = 1_700_000_000L;

  @Test
  void absentParametersTakeTheContractDefaults() {
    RangeQuery query = parse(null, null, null, null, null, null);

    assertThat(query.series()).isEmpty();
    assertThat(query.startSeconds()).isZero();
    assertThat(query.endSeconds()).isEqualTo(NOW);
    assertThat(query.intervalSeconds()).isZero();
    assertThat(query.maxPoints()).isEqualTo(1000);
    assertThat(query.aggregation()).isEqualTo(Aggregation.AVG);
  }

  @Test
  void givenParametersAreUsed() {
    RangeQuery query =
        parse(" cpu.usage_percent, ,memory.usage_percent", "100", "200", "60", "50", "MAX");

    assertThat(query.series())
        .containsExactlyInAnyOrder("cpu.usage_percent", "memory.usage_percent");
    assertThat(query.startSeconds()).isEqualTo(100);
    assertThat(query.endSeconds()).isEqualTo(200);
    assertThat(query.intervalSeconds()).isEqualTo(60);
    assertThat(query.maxPoints()).isEqualTo(50);
    assertThat(query.aggregation()).isEqualTo(Aggregation.MAX);
  }

  @Test
  void badValuesAre400sNamingTheParameter() {
    assertBad(() -> parse(null, "abc", null, null, null, null), "start");
    assertBad(() -> parse(null, "-1", null, null, null, null), "start");
    assertBad(() -> parse(null, null, "1.5", null, null, null), "end");
    assertBad(() -> parse(null, "10", "5", null, null, null), "end must not be before start");
    assertBad(() -> parse(null, null, null, "-60", null, null), "interval");
    assertBad(
        () -> parse(null, null, null, null, "0", null), "max_points must be between 1 and 10000");
    assertBad(() -> parse(null, null, null, null, "10001", null), "between 1 and 10000, got 10001");
    assertBad(() -> parse(null, null, null, null, null, "median"), "agg");
    assertBad(() -> parse(null, "99999999999999999999", null, null, null, null), "start");
  }

  @Test
  void streamIntervalIsOneToThreeHundred() {
    assertThat(HistoryParams.streamInterval("interval", null, 5)).isEqualTo(5);
    assertThat(HistoryParams.streamInterval("interval", "300", 5)).isEqualTo(300);
    assertBad(() -> HistoryParams.streamInterval("interval", "0", 5), "between 1 and 300");
    assertBad(() -> HistoryParams.streamInterval("interval", "301", 5), "between 1 and 300");
    assertBad(() -> HistoryParams.streamInterval("interval", "x", 5), "whole number");
  }

  private static RangeQuery parse(
      String metrics, String start, String end, String interval, String max, String agg) {
    return HistoryParams.parse(metrics, start, end, interval, max, agg, NOW, 1000, 10_000);
  }

  private static void assertBad(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_REQUEST))
        .hasMessageContaining(message);
  }
}
