package io.nodelink.metrics.history.compact;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The store-wide byte estimate (each series adds the change of its own estimate) and the newest raw
 * point any series has let go of: the raw tier in memory is complete only after it.
 */
final class MemoryAccount {

  private final LongAdder bytes = new LongAdder();
  private final LongAccumulator newestRemovedRaw = new LongAccumulator(Math::max, Long.MIN_VALUE);

  void add(long delta) {
    if (delta != 0) {
      bytes.add(delta);
    }
  }

  long bytes() {
    return bytes.sum();
  }

  /** Notes raw points (sorted) that left the raw tier. */
  void rawRemovedThrough(PointBuffer removed) {
    if (!removed.isEmpty()) {
      newestRemovedRaw.accumulate(removed.last());
    }
  }

  /** The newest raw point removed so far, or {@code Long.MIN_VALUE}. */
  long newestRemovedRaw() {
    return newestRemovedRaw.get();
  }
}
