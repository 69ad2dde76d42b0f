package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.HistoryResult;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.SimpleHistoryStore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * While the raw tier covers a query, the compact store must answer exactly what the reference
 * answers: same points, same buckets, bit-identical values. Random series (gaps, late and duplicate
 * points, NaN, odd doubles, counter jumps), random queries, small chunks so ranges cut chunks.
 */
class CompactVersusSimpleTest {

  private static final long T0 = 1_700_000_000L;

  @ParameterizedTest
  @ValueSource(ints = {8, 16, 240})
  void rawTierAnswersEqualTheReference(int chunkSize) {
    for (long seed = 0; seed < 12; seed++) {
      RandomHistory random = new RandomHistory(seed * 31 + chunkSize, true);
      CompactHistoryStore compact =
          new CompactHistoryStore(
              HistorySettings.defaults().withChunkSize(chunkSize).withMemoryBudgetBytes(0));
      SimpleHistoryStore simple = new SimpleHistoryStore();
      List<RandomHistory.Append> appends = random.appends(T0, 600 + random.random().nextInt(900));
      long last = T0;
      for (RandomHistory.Append a : appends) {
        compact.append(a.agent(), a.series(), a.timestamp(), a.value());
        simple.append(a.agent(), a.series(), a.timestamp(), a.value());
        last = Math.max(last, a.timestamp());
      }
      compareQueries(seed, random, compact, simple, T0, last);

      long cutoff = T0 + (last - T0) / 3;
      long compactEvicted =
          compact.maintain(cutoff + compact.settings().rawRetention().toSeconds()).rolledUpValues();
      assertThat(compactEvicted)
          .as("seed %d evicted", seed)
          .isEqualTo(simple.evictOlderThan(cutoff));
      for (RandomHistory.Append a : random.appends(last - 200, 300)) {
        compact.append(a.agent(), a.series(), a.timestamp(), a.value());
        simple.append(a.agent(), a.series(), a.timestamp(), a.value());
        last = Math.max(last, a.timestamp());
      }
      compareQueries(seed, random, compact, simple, cutoff, last);
      assertThat(compact.stats().rawValues())
          .as("seed %d count", seed)
          .isEqualTo(simple.valueCount());
    }
  }

  private static void compareQueries(
      long seed,
      RandomHistory random,
      CompactHistoryStore compact,
      SimpleHistoryStore simple,
      long from,
      long to) {
    for (String agent : List.of("agent0", "agent1", "nobody")) {
      Set<String> names = new TreeSet<>(simple.seriesOf(agent));
      // Series whose raw points all aged out stay listed while they have coarse buckets.
      assertThat(compact.seriesOf(agent)).containsAll(names);
      for (int i = 0; i < 25; i++) {
        RangeQuery query = random.query(names, from, to);
        if (query.startSeconds() < from) {
          query =
              new RangeQuery(
                  query.series(),
                  from,
                  Math.max(from, query.endSeconds()),
                  query.intervalSeconds(),
                  query.maxPoints(),
                  query.aggregation());
        }
        HistoryResult expected = simple.query(agent, query);
        HistoryResult actual = compact.query(agent, query);
        assertThat(actual).as("seed %d agent %s query %s", seed, agent, query).isEqualTo(expected);
      }
    }
  }
}
