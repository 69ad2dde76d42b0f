package it.server.durable;

import java.util.List;

/** Counting over the timestamps (Unix seconds) of a series sampled every second. */
final class Seconds {

  private Seconds() {}

  /** The current time in Unix seconds. */
  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** The widest step between neighbouring timestamps; MAX_VALUE with fewer than two. */
  static long maxGap(List<Long> timestamps) {
    if (timestamps.size() < 2) {
      return Long.MAX_VALUE;
    }
    long gap = 0;
    for (int i = 1; i < timestamps.size(); i++) {
      gap = Math.max(gap, timestamps.get(i) - timestamps.get(i - 1));
    }
    return gap;
  }

  /** Seconds from {@code from} to {@code to} (inclusive) without a timestamp. */
  static long missing(List<Long> timestamps, long from, long to) {
    long present = timestamps.stream().filter(t -> t >= from && t <= to).distinct().count();
    return to - from + 1 - present;
  }
}
