package io.nodelink.metrics.agent.stream;

/**
 * The wall-clock slots of a periodic sampler, and the second each run stands for. A run that starts
 * late (a busy host, a GC pause) still stamps its own slot, so a per-second series has neither a
 * hole nor a second twice where the run slipped past a second boundary; the next slot stays on the
 * grid. A run a whole period late, or a wall clock that stepped, starts the grid again from now:
 * missed slots are skipped, not caught up in a burst.
 */
final class Slots {
  private final long periodMillis;
  private volatile long nextMillis; // read by other threads to hand the grid over

  /**
   * @param firstMillis wall-clock time of the first slot
   * @param periodMillis time between slots (at least one second)
   */
  Slots(long firstMillis, long periodMillis) {
    if (periodMillis < 1000) {
      throw new IllegalArgumentException("period under a second: " + periodMillis + " ms");
    }
    this.nextMillis = firstMillis;
    this.periodMillis = periodMillis;
  }

  /**
   * The second (Unix) a run starting at {@code nowMillis} stands for; moves on to the next slot.
   */
  long take(long nowMillis) {
    long slot = nextMillis;
    if (nowMillis - slot >= periodMillis || slot - nowMillis >= periodMillis) {
      slot = nowMillis;
    }
    nextMillis = slot + periodMillis;
    return Math.floorDiv(slot, 1000);
  }

  /** Wall-clock time of the next slot. */
  long nextMillis() {
    return nextMillis;
  }

  /** How long from {@code nowMillis} until the next slot (0 when it is due). */
  long delayMillis(long nowMillis) {
    return Math.max(0, nextMillis - nowMillis);
  }
}
