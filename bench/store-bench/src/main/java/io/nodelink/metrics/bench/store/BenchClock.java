package io.nodelink.metrics.bench.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The store's clock, moved by the feeder: hours of history are built without waiting. */
final class BenchClock extends Clock {

  private volatile long seconds;

  BenchClock(long seconds) {
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
