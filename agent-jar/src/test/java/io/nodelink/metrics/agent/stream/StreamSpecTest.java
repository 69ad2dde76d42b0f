package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.agent.collect.MetricGroup;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamSpecTest {

  private static final long NEXT = 1_796_213_040_900L;

  private static StreamSpec every(int seconds) {
    return new StreamSpec("t1", seconds, Set.of(MetricGroup.CPU), NEXT);
  }

  @Test
  void samplingOnSoonAfterTheStreamEndedTakesItsNextSlot() {
    assertThat(every(1).delayToGridMillis(NEXT - 400)).isEqualTo(400);
    assertThat(every(1).delayToGridMillis(NEXT)).isZero();
  }

  @Test
  void samplingOnLaterKeepsTheGridsPhase() {
    assertThat(every(1).delayToGridMillis(NEXT + 2_300)).isEqualTo(700);
    assertThat(every(5).delayToGridMillis(NEXT + 12_000)).isEqualTo(3_000);
    assertThat(every(5).delayToGridMillis(NEXT + 10_000)).isZero();
  }
}
