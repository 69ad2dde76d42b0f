package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlotScheduleTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** A wall clock the test moves: each run sees a later time than the one before. */
  private static final class SteppingClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_796_213_040_900L);

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aSamplerThatRunsLateKeepsOneStampPerSecond() {
    SteppingClock clock = new SteppingClock();
    List<Long> stamped = new CopyOnWriteArrayList<>();
    long first = clock.millis() / 1000;

    SlotSchedule schedule =
        SlotSchedule.start(
            scheduler,
            clock,
            0,
            1000,
            second -> {
              stamped.add(second);
              // Each run takes 1.2 s of wall time: every next slot is already due.
              clock.millis.addAndGet(1200);
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> stamped.size() >= 5);
    schedule.cancel();

    assertThat(stamped.subList(0, 5))
        .containsExactly(first, first + 1, first + 2, first + 3, first + 4);
  }

  @Test
  void aFailingSampleDoesNotEndTheSchedule() {
    SteppingClock clock = new SteppingClock();
    AtomicLong runs = new AtomicLong();

    SlotSchedule schedule =
        SlotSchedule.start(
            scheduler,
            clock,
            0,
            1000,
            second -> {
              clock.millis.addAndGet(1000);
              if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("a sensor went away");
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
    schedule.cancel();
  }

  @Test
  void nothingRunsAfterCancel() throws Exception {
    SteppingClock clock = new SteppingClock();
    AtomicLong runs = new AtomicLong();

    SlotSchedule schedule =
        SlotSchedule.start(scheduler, clock, 60_000, 1000, second -> runs.incrementAndGet());
    schedule.cancel();
    scheduler.submit(() -> {}).get(); // anything queued before this has run

    assertThat(runs).hasValue(0);
  }
}
