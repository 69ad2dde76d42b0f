package io.nodelink.metrics.server.alerts;

import java.time.Instant;

/**
 * The state machine of one alert: inactive → pending (the condition holds) → firing (it held for
 * {@code for_seconds}) → resolved (it cleared); pending that clears goes back to inactive. With a
 * clear threshold, a pending or firing alert ends only once the value is past it (hysteresis), not
 * as soon as it is back under the threshold. Pure; one agent's evaluation runs one task at a time.
 */
final class AlertTracker {

  private AlertState state = AlertState.INACTIVE;
  private Instant activeSince;
  private Instant firingSince;

  /** A tracker taking up a persisted active alert after a restart. */
  static AlertTracker restored(AlertState state, Instant activeSince, Instant firingSince) {
    AlertTracker tracker = new AlertTracker();
    tracker.state = state;
    tracker.activeSince = activeSince;
    tracker.firingSince = firingSince;
    return tracker;
  }

  AlertState state() {
    return state;
  }

  Instant activeSince() {
    return activeSince;
  }

  Instant firingSince() {
    return firingSince;
  }

  /**
   * Takes one evaluation.
   *
   * @param breached the value is past the threshold
   * @param cleared the value is past the clear threshold (without one: not breached)
   * @return the state before, if this evaluation changed it; null otherwise
   */
  AlertState observe(boolean breached, boolean cleared, Instant now, int forSeconds) {
    AlertState before = state;
    switch (state) {
      case INACTIVE, RESOLVED -> {
        if (breached) {
          activeSince = now;
          firingSince = null;
          state = AlertState.PENDING;
          fireIfDue(now, forSeconds);
        }
      }
      case PENDING -> {
        if (cleared) {
          state = AlertState.INACTIVE;
        } else {
          fireIfDue(now, forSeconds);
        }
      }
      case FIRING -> {
        if (cleared) {
          state = AlertState.RESOLVED;
        }
      }
    }
    return state == before ? null : before;
  }

  private void fireIfDue(Instant now, int forSeconds) {
    if (!now.isBefore(activeSince.plusSeconds(forSeconds))) {
      state = AlertState.FIRING;
      firingSince = now;
    }
  }
}
