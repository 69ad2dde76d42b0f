package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SimpleHistoryStore;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shape an agent's buffer replay gives a series: per-second points, a gap (the outage), live
 * points again, then the whole gap arriving late and in order, interleaved with further live
 * points. A block of late points far larger than the late buffer, spanning chunk boundaries, must
 * land exactly where the reference puts it, and eviction across it must count the same.
 */
class ReplayedOutageTest {

  private static final long T0 = 1_700_000_000L;
  private static final String A = "agent1";
  private static final String S = "cpu.usage_percent";

  @ParameterizedTest
  @CsvSource({"8, 37, 60", "8, 40, 600", "16, 48, 200", "240, 100, 600", "240, 239, 30"})
  void aReplayedGapFillsExactlyAsTheReferenceSays(int chunkSize, int before, int outage) {
    CompactHistoryStore compact =
        new CompactHistoryStore(
            HistorySettings.defaults().withChunkSize(chunkSize).withMemoryBudgetBytes(0));
    SimpleHistoryStore simple = new SimpleHistoryStore();
    long t = T0;
    for (int i = 0; i < before; i++, t++) {
      append(compact, simple, t);
    }
    long gapStart = t;
    long gapEnd = gapStart + outage; // exclusive
    long live = gapEnd;
    for (int i = 0; i < 5; i++, live++) {
      append(compact, simple, live); // the new stream starts before the replay arrives
    }
    for (long late = gapStart; late < gapEnd; late++) {
      append(compact, simple, late);
      if ((late - gapStart) % 7 == 6) {
        append(compact, simple, live++); // live data keeps coming during the replay
      }
    }
    append(compact, simple, gapStart + outage / 2); // a duplicate second: the later write wins

    compare(compact, simple, T0, live, 0);
    compare(compact, simple, T0, live, 10);
    assertThat(
            compact
                .query(A, new RangeQuery(Set.of(S), T0, live, 0, 10_000, Aggregation.AVG))
                .points())
        .extracting(p -> p.timestampSeconds())
        .as("no second missing")
        .hasSize((int) (live - T0))
        .isSorted();
    compare(compact, simple, gapStart - 3, gapEnd + 3, 0);
    assertThat(compact.stats().rawValues()).isEqualTo(simple.valueCount());

    long cutoff = gapStart + outage / 3;
    assertThat(
            compact
                .maintain(cutoff + compact.settings().rawRetention().toSeconds())
                .rolledUpValues())
        .isEqualTo(simple.evictOlderThan(cutoff));
    compare(compact, simple, cutoff, live, 0);
  }

  private static void append(CompactHistoryStore compact, SimpleHistoryStore simple, long t) {
    double value = (t * 7 % 1000) / 10.0;
    compact.append(A, S, t, value);
    simple.append(A, S, t, value);
  }

  private static void compare(
      CompactHistoryStore compact, SimpleHistoryStore simple, long from, long to, long interval) {
    RangeQuery query = new RangeQuery(Set.of(S), from, to, interval, 10_000, Aggregation.AVG);
    HistoryResult expected = simple.query(A, query);
    HistoryResult actual = compact.query(A, query);
    assertThat(actual.points()).as("%s", query).isEqualTo(expected.points());
  }
}
