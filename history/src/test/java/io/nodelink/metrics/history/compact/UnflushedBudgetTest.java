package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.SeriesBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The points waiting for a durable store's writer stay within their bound when it does not drain
 * them, and the drain still hands over every point once, read back from the series where the log
 * let go of it.
 */
class UnflushedBudgetTest {

  private static final long T0 = 1_700_000_000L;
  private static final int AGENTS = 3;
  private static final int SECONDS = 1_000;
  private static final long BOUND = 32 << 10;

  private final UnflushedBudget budget = new UnflushedBudget(BOUND);
  private final CompactHistoryStore store = persistedWithin(budget);

  /**
   * A store as a durable one uses it (sealed chunks go to a listener), its waiting points bounded.
   */
  private static CompactHistoryStore persistedWithin(UnflushedBudget budget) {
    return new CompactHistoryStore(
        HistorySettings.defaults().withMemoryBudgetBytes(0),
        Runnable::run,
        (agent, series, chunk) -> {},
        null,
        budget);
  }

  private static SeriesBatch snapshot(int agent, long t) {
    SeriesBatch batch = new SeriesBatch(3);
    batch.add("cpu.usage_percent", agent * 1000 + (t % 100));
    batch.add("memory.used_bytes", t * 4096.0);
    if (t % 2 == 0) {
      batch.add("net.eth0.rx_bytes_per_sec", t % 7); // a series only every other second
    }
    return batch;
  }

  @Test
  void aWriterThatDoesNotDrainHoldsNoMoreThanTheBound() {
    long peak = 0;
    for (long t = T0; t < T0 + SECONDS; t++) {
      for (int agent = 0; agent < AGENTS; agent++) {
        store.appendAll("a" + agent, t, snapshot(agent, t));
      }
      peak = Math.max(peak, budget.usedBytes());
    }

    assertThat(peak).isLessThanOrEqualTo(BOUND + 100);
    assertThat(budget.shedValues()).isPositive();
  }

  @Test
  void theDrainHandsOverEveryPointOnceShedOrNot() {
    for (long t = T0; t < T0 + SECONDS; t++) {
      for (int agent = 0; agent < AGENTS; agent++) {
        store.appendAll("a" + agent, t, snapshot(agent, t));
      }
    }
    Map<String, List<Map<String, Double>>> drained = new HashMap<>();
    Map<String, List<Long>> seconds = new HashMap<>();
    store.drainUnflushed(
        (agent, points) -> {
          for (int e = 0; e < points.size(); e++) {
            seconds.computeIfAbsent(agent, a -> new ArrayList<>()).add(points.timestamps()[e]);
            Map<String, Double> values = new HashMap<>();
            for (int k = 0; k < points.names()[e].length; k++) {
              if (!Double.isNaN(points.values()[e][k])) {
                values.put(points.names()[e][k], points.values()[e][k]);
              }
            }
            drained.computeIfAbsent(agent, a -> new ArrayList<>()).add(values);
          }
        });

    assertThat(budget.shedValues()).isPositive();
    assertThat(budget.usedBytes()).isZero();
    for (int agent = 0; agent < AGENTS; agent++) {
      String id = "a" + agent;
      List<Long> ts = seconds.get(id);
      assertThat(ts).doesNotHaveDuplicates().hasSize(SECONDS);
      for (int e = 0; e < ts.size(); e++) {
        long t = ts.get(e);
        Map<String, Double> expected = new HashMap<>();
        SeriesBatch batch = snapshot(agent, t);
        for (int k = 0; k < batch.size(); k++) {
          expected.put(batch.name(k), batch.value(k));
        }
        assertThat(drained.get(id).get(e)).as("agent %s at %d", id, t).isEqualTo(expected);
      }
    }
  }

  @Test
  void withRoomTheDrainIsTheLogAsAppended() {
    UnflushedBudget roomy = new UnflushedBudget(64L << 20);
    CompactHistoryStore roomyStore = persistedWithin(roomy);
    for (long t = T0; t < T0 + 100; t++) {
      roomyStore.appendAll("a0", t, snapshot(0, t));
    }
    List<Long> seconds = new ArrayList<>();
    roomyStore.drainUnflushed(
        (agent, points) -> {
          for (long t : points.timestamps()) {
            seconds.add(t);
          }
        });

    assertThat(roomy.shedValues()).isZero();
    assertThat(seconds).hasSize(100).isSorted();
  }
}
