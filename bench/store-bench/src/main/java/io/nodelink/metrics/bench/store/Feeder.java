package io.nodelink.metrics.bench.store;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.history.durable.DurableHistoryStore;

/**
 * Feeds a fleet into a durable store under a clock it moves: one snapshot per host every {@code
 * step} seconds, a flush every {@code flushEvery} seconds and a maintenance pass every {@code
 * maintainEvery} seconds of simulated time, as the server's flush and cleanup timers would.
 */
final class Feeder {

  private final DurableHistoryStore store;
  private final BenchClock clock;
  private final Fleet fleet;
  private long values;

  Feeder(DurableHistoryStore store, BenchClock clock, Fleet fleet) {
    this.store = store;
    this.clock = clock;
    this.fleet = fleet;
  }

  /** Feeds seconds {@code (from, to]}; returns the values appended so far. */
  long feed(long from, long to, long step, long flushEvery, long maintainEvery) {
    for (long t = from + step; t <= to; t += step) {
      clock.set(t);
      for (int a = 0; a < fleet.size(); a++) {
        SeriesBatch batch = fleet.next(a);
        if (batch != null) {
          store.appendAll(fleet.agentId(a), t, batch);
          values += batch.size();
        }
      }
      if (crossed(t, step, maintainEvery)) {
        store.maintain(t);
      } else if (crossed(t, step, flushEvery)) {
        store.flush();
      }
    }
    return values;
  }

  /** Moves the clock past the last window's end, so its chunks seal, and writes everything. */
  void sealAndFlush(long to, long windowSeconds) {
    long end = Math.floorDiv(to, windowSeconds) * windowSeconds + windowSeconds;
    clock.set(end + 30);
    store.flush();
    store.flush();
  }

  long values() {
    return values;
  }

  private static boolean crossed(long t, long step, long every) {
    return Math.floorDiv(t, every) != Math.floorDiv(t - step, every);
  }
}
