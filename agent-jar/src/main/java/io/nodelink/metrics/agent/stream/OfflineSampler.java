package io.nodelink.metrics.agent.stream;

import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples while the agent has no connection: at the interval, on the slot grid and with the groups
 * of the stream that was running when the connection ended, into the {@link SnapshotBuffer}, until
 * the next call opens. Only one schedule at a time.
 */
final class OfflineSampler {
  private static final Logger LOG = Logger.getLogger(OfflineSampler.class.getName());

  private final String agentId;
  private final SnapshotSource source;
  private final ScheduledExecutorService scheduler;
  private final SnapshotBuffer buffer;
  private final boolean quiet;
  private SlotSchedule schedule;
  private StreamSpec running;
  private long taken;

  OfflineSampler(
      String agentId,
      SnapshotSource source,
      ScheduledExecutorService scheduler,
      SnapshotBuffer buffer,
      boolean quiet) {
    this.agentId = agentId;
    this.source = source;
    this.scheduler = scheduler;
    this.buffer = buffer;
    this.quiet = quiet;
  }

  /**
   * Starts sampling for {@code spec}, replacing any other schedule; the same one keeps running
   * through failed reconnect attempts, so attempts faster than the interval do not starve it.
   */
  synchronized void start(StreamSpec spec) {
    if (schedule != null && spec.equals(running)) {
      return;
    }
    stop();
    Clock clock = Clock.systemUTC();
    try {
      schedule =
          SlotSchedule.start(
              scheduler,
              clock,
              spec.delayToGridMillis(clock.millis()),
              spec.intervalSeconds() * 1000L,
              s -> sample(spec, s));
    } catch (RejectedExecutionException e) {
      return; // the agent is stopping
    }
    running = spec;
    taken = 0;
    LOG.log(
        quiet ? Level.FINE : Level.INFO,
        "server unreachable: keeping a snapshot every {0} s until it is back",
        spec.intervalSeconds());
  }

  /** Stops sampling; returns how many snapshots this outage kept. */
  synchronized long stop() {
    if (schedule == null) {
      return 0;
    }
    schedule.cancel();
    schedule = null;
    running = null;
    return taken;
  }

  private synchronized void sample(StreamSpec spec, long second) {
    if (schedule == null) {
      return; // a late run of a cancelled schedule
    }
    buffer.add(
        SnapshotBuffer.buffered(agentId, spec.taskId(), source.collect(spec.groups(), second)));
    taken++;
  }
}
