package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotsTest {

  private static final long T0 = 1_796_213_040_900L; // 0.9 s into a second: runs slip past it

  @Test
  void runsThatSlipPastASecondBoundaryStillStampEverySecondOnce() {
    Slots slots = new Slots(T0, 1000);
    List<Long> stamped = new ArrayList<>();
    long[] lateness = {0, 250, 30, 900, 0, 600, 999, 10};
    for (int i = 0; i < lateness.length; i++) {
      stamped.add(slots.take(T0 + i * 1000L + lateness[i]));
    }

    long first = T0 / 1000;
    assertThat(stamped)
        .containsExactly(
            first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6, first + 7);
  }

  @Test
  void aLateRunBringsTheNextOneForwardToStayOnTheGrid() {
    Slots slots = new Slots(T0, 1000);
    slots.take(T0 + 700);

    assertThat(slots.delayMillis(T0 + 700)).isEqualTo(300);
    assertThat(slots.delayMillis(T0 + 1500)).isZero();
  }

  @Test
  void aRunAWholePeriodLateSkipsTheMissedSlotsInsteadOfCatchingUp() {
    Slots slots = new Slots(T0, 1000);
    slots.take(T0);

    long afterPause = T0 + 10_400; // a 10 s pause: nine slots missed
    assertThat(slots.take(afterPause)).isEqualTo(afterPause / 1000);
    assertThat(slots.delayMillis(afterPause)).isEqualTo(1000);
    assertThat(slots.take(afterPause + 1000)).isEqualTo(afterPause / 1000 + 1);
  }

  @Test
  void aWallClockSteppedBackStartsTheGridFromTheNewTime() {
    Slots slots = new Slots(T0, 5000);
    slots.take(T0);

    long stepped = T0 - 3_600_000;
    assertThat(slots.take(stepped)).isEqualTo(stepped / 1000);
    assertThat(slots.delayMillis(stepped)).isEqualTo(5000);
  }

  @Test
  void longerPeriodsStampTheirSlotsSecond() {
    Slots slots = new Slots(T0, 10_000);

    assertThat(slots.take(T0 + 1_200)).isEqualTo(T0 / 1000);
    assertThat(slots.take(T0 + 10_050)).isEqualTo(T0 / 1000 + 10);
  }

  @Test
  void periodsUnderASecondAreRefused() {
    assertThatThrownBy(() -> new Slots(T0, 999)).isInstanceOf(IllegalArgumentException.class);
  }
}
