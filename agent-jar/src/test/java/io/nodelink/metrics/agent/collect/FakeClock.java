package io.nodelink.metrics.agent.collect;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A monotonic clock that tests advance by hand. */
final class FakeClock implements LongSupplier {
  private long nanos = 1_000_000_000L;

  void advanceSeconds(double seconds) {
    nanos += (long) (seconds * TimeUnit.SECONDS.toNanos(1));
  }

  @Override
  public long getAsLong() {
    return nanos;
  }
}
