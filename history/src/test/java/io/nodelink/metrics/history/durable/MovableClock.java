package io.nodelink.metrics.history.durable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets. */
final class MovableClock extends Clock {

  private volatile long seconds;

  MovableClock(long seconds) {
    this.seconds = seconds;
  }

  void set(long value) {
    seconds = value;
  }

  long seconds() {
    return seconds;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(seconds);
  }
}
