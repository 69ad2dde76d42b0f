package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertTrackerTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private final AlertTracker tracker = new AlertTracker();

  private AlertState observe(boolean breached, boolean cleared, long second, int forSeconds) {
    return tracker.observe(breached, cleared, T0.plusSeconds(second), forSeconds);
  }

  @Test
  void aBreachShorterThanForStaysPendingAndGoesBackToInactive() {
    assertThat(observe(true, false, 0, 10)).isEqualTo(AlertState.INACTIVE);
    assertThat(tracker.state()).isEqualTo(AlertState.PENDING);
    assertThat(observe(true, false, 9, 10)).isNull();
    assertThat(tracker.state()).isEqualTo(AlertState.PENDING);
    assertThat(observe(false, true, 10, 10)).isEqualTo(AlertState.PENDING);
    assertThat(tracker.state()).isEqualTo(AlertState.INACTIVE);
  }

  @Test
  void aBreachLastingForFiresThenResolvesWhenCleared() {
    observe(true, false, 0, 10);
    assertThat(observe(true, false, 10, 10)).isEqualTo(AlertState.PENDING);
    assertThat(tracker.state()).isEqualTo(AlertState.FIRING);
    assertThat(tracker.firingSince()).isEqualTo(T0.plusSeconds(10));
    assertThat(observe(true, false, 20, 10)).isNull();
    assertThat(observe(false, true, 30, 10)).isEqualTo(AlertState.FIRING);
    assertThat(tracker.state()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void hysteresisKeepsFiringUntilTheClearThresholdIsPassed() {
    observe(true, false, 0, 0);
    assertThat(tracker.state()).isEqualTo(AlertState.FIRING);
    // under the threshold but not past the clear threshold: neither breached nor cleared
    assertThat(observe(false, false, 5, 0)).isNull();
    assertThat(tracker.state()).isEqualTo(AlertState.FIRING);
    assertThat(observe(false, true, 6, 0)).isEqualTo(AlertState.FIRING);
    assertThat(tracker.state()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void forZeroFiresAtOnceAndAResolvedAlertCanStartAgain() {
    assertThat(observe(true, false, 0, 0)).isEqualTo(AlertState.INACTIVE);
    assertThat(tracker.state()).isEqualTo(AlertState.FIRING);
    observe(false, true, 1, 0);
    assertThat(observe(true, false, 2, 5)).isEqualTo(AlertState.RESOLVED);
    assertThat(tracker.state()).isEqualTo(AlertState.PENDING);
    assertThat(tracker.activeSince()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void aRestoredFiringAlertGoesOnFiring() {
    AlertTracker restored = AlertTracker.restored(AlertState.FIRING, T0, T0.plusSeconds(5));
    assertThat(restored.observe(true, false, T0.plusSeconds(60), 10)).isNull();
    assertThat(restored.state()).isEqualTo(AlertState.FIRING);
    assertThat(restored.firingSince()).isEqualTo(T0.plusSeconds(5));
  }
}
