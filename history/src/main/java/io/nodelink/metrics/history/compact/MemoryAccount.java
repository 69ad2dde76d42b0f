package io.nodelink.metrics.history.compact;

import java.util.concurrent.atomic.LongAdder;

/** The store-wide byte estimate: each series adds the change of its own estimate. */
final class MemoryAccount {

  private final LongAdder bytes = new LongAdder();

  void add(long delta) {
    if (delta != 0) {
      bytes.add(delta);
    }
  }

  long bytes() {
    return bytes.sum();
  }
}
