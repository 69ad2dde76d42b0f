package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.TimePoint;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code appendAll} reuses the last snapshot's series by position; it must stay exact. */
class AppendAllLayoutTest {

  private static final long T0 = 1_700_000_000L;

  private final CompactHistoryStore store =
      new CompactHistoryStore(
          HistorySettings.defaults()
              .withRawRetention(Duration.ofMinutes(10))
              .withCoarse(Duration.ofMinutes(1), Duration.ofHours(1))
              .withChunkSize(60)
              .withMemoryBudgetBytes(0));

  @Test
  void snapshotsWithTheSameNamesLandInTheirOwnSeries() {
    for (long t = T0; t < T0 + 100; t++) {
      store.appendAll("a", t, batch("x", t, "y", -t));
    }

    assertThat(points("a", "x"))
        .hasSize(100)
        .allSatisfy(p -> assertThat(value(p, "x")).isEqualTo((double) p.timestampSeconds()));
    assertThat(points("a", "y"))
        .hasSize(100)
        .allSatisfy(p -> assertThat(value(p, "y")).isEqualTo((double) -p.timestampSeconds()));
  }

  @Test
  void aNameThatWasNanFirstGetsItsSeriesWhenAValueComes() {
    store.appendAll("a", T0, batch("x", 1, "y", Double.NaN));
    assertThat(store.seriesOf("a")).containsExactly("x");

    store.appendAll("a", T0 + 1, batch("x", 2, "y", 3));

    assertThat(store.seriesOf("a")).containsExactly("x", "y");
    assertThat(points("a", "y")).extracting(TimePoint::timestampSeconds).containsExactly(T0 + 1);
  }

  @Test
  void aDifferentOrderOrSetOfNamesIsNotMistakenForTheLastLayout() {
    store.appendAll("a", T0, batch("x", 1, "y", 2));
    store.appendAll("a", T0 + 1, batch("y", 20, "x", 10));
    store.appendAll("a", T0 + 2, batch("x", 100, "z", 300));

    assertThat(points("a", "x")).extracting(p -> value(p, "x")).containsExactly(1.0, 10.0, 100.0);
    assertThat(points("a", "y")).extracting(p -> value(p, "y")).containsExactly(2.0, 20.0);
    assertThat(points("a", "z")).extracting(p -> value(p, "z")).containsExactly(300.0);
  }

  @Test
  void seriesEmptiedByEvictionOrAnAgentRemovedAreRecreatedOnTheNextSnapshot() {
    store.appendAll("a", T0, batch("x", 1, "y", 2));
    store.maintain(T0 + 10_000 + store.settings().rawRetention().toSeconds()).rolledUpValues();
    store.appendAll("a", T0 + 10_001, batch("x", 3, "y", 4));
    assertThat(points("a", "x")).extracting(p -> value(p, "x")).containsExactly(3.0);

    store.removeAgent("a");
    store.appendAll("a", T0 + 10_002, batch("x", 5, "y", 6));

    assertThat(points("a", "y")).extracting(p -> value(p, "y")).containsExactly(6.0);
  }

  private List<TimePoint> points(String agent, String series) {
    return store
        .query(
            agent,
            new RangeQuery(Set.of(series), T0 - 10, T0 + 20_000, 0, 100_000, Aggregation.AVG))
        .points();
  }

  private static double value(TimePoint p, String series) {
    return p.values().get(series);
  }

  private static SeriesBatch batch(String n1, double v1, String n2, double v2) {
    SeriesBatch batch = new SeriesBatch(2);
    batch.add(n1, v1);
    batch.add(n2, v2);
    return batch;
  }
}
