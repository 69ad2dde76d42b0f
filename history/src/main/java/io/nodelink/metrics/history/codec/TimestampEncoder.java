package io.nodelink.metrics.history.codec;

/**
 * Delta-of-delta timestamp coding after Facebook's Gorilla (VLDB 2015): the first timestamp in 64
 * bits, then for each next one the change of the gap: {@code 0} for a steady gap, {@code 10}+7
 * bits, {@code 110}+9 bits, {@code 1110}+12 bits, else {@code 1111}+64 bits. Regular 1 s data costs
 * one bit per point. Arithmetic wraps, so any sequence of longs round-trips.
 */
public final class TimestampEncoder {

  private long previous;
  private long previousDelta;
  private boolean started;

  /** Appends {@code timestamp} to {@code out}. */
  public void write(BitWriter out, long timestamp) {
    if (!started) {
      out.write(timestamp, 64);
      started = true;
    } else {
      long delta = timestamp - previous;
      writeDeltaOfDelta(out, delta - previousDelta);
      previousDelta = delta;
    }
    previous = timestamp;
  }

  private static void writeDeltaOfDelta(BitWriter out, long dod) {
    if (dod == 0) {
      out.write(0b0, 1);
    } else if (dod >= -63 && dod <= 64) {
      out.write(0b10, 2);
      out.write(dod + 63, 7);
    } else if (dod >= -255 && dod <= 256) {
      out.write(0b110, 3);
      out.write(dod + 255, 9);
    } else if (dod >= -2047 && dod <= 2048) {
      out.write(0b1110, 4);
      out.write(dod + 2047, 12);
    } else {
      out.write(0b1111, 4);
      out.write(dod, 64);
    }
  }
}
