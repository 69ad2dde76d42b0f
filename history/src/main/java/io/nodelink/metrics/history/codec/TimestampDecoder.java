package io.nodelink.metrics.history.codec;

/** Reads timestamps written by {@link TimestampEncoder}. */
public final class TimestampDecoder {

  private long previous;
  private long previousDelta;
  private boolean started;

  /** Reads the next timestamp from {@code in}. */
  public long read(BitReader in) {
    if (!started) {
      started = true;
      previous = in.read(64);
      return previous;
    }
    previousDelta += readDeltaOfDelta(in);
    previous += previousDelta;
    return previous;
  }

  private static long readDeltaOfDelta(BitReader in) {
    if (!in.readBit()) {
      return 0;
    }
    if (!in.readBit()) {
      return in.read(7) - 63;
    }
    if (!in.readBit()) {
      return in.read(9) - 255;
    }
    if (!in.readBit()) {
      return in.read(12) - 2047;
    }
    return in.read(64);
  }
}
