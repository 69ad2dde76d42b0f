package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SimpleHistoryStore;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A query without a start answers with the start the store actually keeps, in both engines. */
class EarliestKeptStartTest {

  private static final long T0 = 1_800_000_000L;
  private final CompactHistoryStore compact =
      new CompactHistoryStore(HistorySettings.defaults().withRawRetention(Duration.ofMinutes(30)));
  private final SimpleHistoryStore simple = new SimpleHistoryStore(Duration.ofMinutes(30));

  @Test
  void startIsTheFirstKeptPointWhenTheQueryGaveNone() {
    for (long t = T0 + 100; t <= T0 + 200; t += 10) {
      compact.append("a", "cpu", t, 1);
      simple.append("a", "cpu", t, 1);
    }
    RangeQuery open = query(true, T0 + 300);

    assertThat(compact.query("a", open).startSeconds()).isEqualTo(T0 + 100);
    assertThat(simple.query("a", open).startSeconds()).isEqualTo(T0 + 100);
  }

  @Test
  void startIsTheRetentionHorizonWhenNothingIsKept() {
    HistoryResult answer = compact.query("a", query(true, T0));

    assertThat(answer.startSeconds()).isEqualTo(T0 - 1800);
    assertThat(simple.query("a", query(true, T0)).startSeconds()).isEqualTo(T0 - 1800);
  }

  @Test
  void anExplicitStartIsAnsweredAsGiven() {
    compact.append("a", "cpu", T0 + 100, 1);

    assertThat(compact.query("a", query(false, T0 + 300)).startSeconds()).isZero();
  }

  private static RangeQuery query(boolean fromEarliestKept, long end) {
    return new RangeQuery(Set.of(), 0, end, 0, 1000, Aggregation.AVG, fromEarliestKept);
  }
}
