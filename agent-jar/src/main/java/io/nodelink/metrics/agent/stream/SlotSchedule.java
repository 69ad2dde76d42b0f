package io.nodelink.metrics.agent.stream;

import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a sampler once per {@link Slots slot}, handing it the second the run stands for. Each run
 * schedules the next from the wall clock, so the grid follows the clock the timestamps come from
 * instead of drifting from it as a fixed-rate schedule on the monotonic clock would.
 */
final class SlotSchedule {
  private static final Logger LOG = Logger.getLogger(SlotSchedule.class.getName());

  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Slots slots;
  private final LongConsumer sampler;
  private volatile boolean cancelled;
  private volatile ScheduledFuture<?> next;

  private SlotSchedule(
      ScheduledExecutorService scheduler, Clock clock, Slots slots, LongConsumer sampler) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.slots = slots;
    this.sampler = sampler;
  }

  /**
   * Starts sampling {@code firstDelayMillis} from now, then every {@code periodMillis}.
   *
   * @throws RejectedExecutionException when the scheduler is shut down
   */
  static SlotSchedule start(
      ScheduledExecutorService scheduler,
      Clock clock,
      long firstDelayMillis,
      long periodMillis,
      LongConsumer sampler) {
    Slots slots = new Slots(clock.millis() + firstDelayMillis, periodMillis);
    SlotSchedule schedule = new SlotSchedule(scheduler, clock, slots, sampler);
    schedule.next = scheduler.schedule(schedule::run, firstDelayMillis, TimeUnit.MILLISECONDS);
    return schedule;
  }

  /** Wall-clock time of the next run's slot. */
  long nextSlotMillis() {
    return slots.nextMillis();
  }

  /** No run starts after this; one already running finishes. */
  void cancel() {
    cancelled = true;
    ScheduledFuture<?> pending = next;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  private void run() {
    if (cancelled) {
      return;
    }
    try {
      sampler.accept(slots.take(clock.millis()));
    } catch (RuntimeException e) {
      // A fixed-rate schedule would stop for good here; one failed sample should not end a stream.
      LOG.log(Level.WARNING, "sampling failed; trying again at the next slot", e);
    }
    if (cancelled) {
      return;
    }
    try {
      next =
          scheduler.schedule(this::run, slots.delayMillis(clock.millis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      cancelled = true; // the agent is stopping
    }
  }
}
