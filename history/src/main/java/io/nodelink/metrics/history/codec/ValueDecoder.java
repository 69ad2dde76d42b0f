package io.nodelink.metrics.history.codec;

/** Reads values written by {@link ValueEncoder}, bit for bit. */
public final class ValueDecoder {

  private int exponent;
  private long previousScaled;
  private int width;
  private long previousBits;
  private int leadingZeros;
  private int trailingZeros;

  /** Reads the next value from {@code in}. */
  public double read(BitReader in) {
    double value = readCode(in);
    previousBits = Double.doubleToRawLongBits(value);
    return value;
  }

  private double readCode(BitReader in) {
    if (!in.readBit()) {
      return ValueEncoder.decimal(previousScaled, exponent);
    }
    if (!in.readBit()) {
      return scaledDelta(in.read(width));
    }
    if (!in.readBit()) {
      width = (int) in.read(6) + 1;
      return scaledDelta(in.read(width));
    }
    if (!in.readBit()) {
      int e = (int) in.read(4);
      previousScaled = ValueEncoder.rescale(previousScaled, exponent, e);
      exponent = e;
      return readCode(in);
    }
    return Double.longBitsToDouble(previousBits ^ readXor(in));
  }

  private double scaledDelta(long zigzag) {
    long delta = (zigzag >>> 1) ^ -(zigzag & 1);
    previousScaled += delta;
    return ValueEncoder.decimal(previousScaled, exponent);
  }

  private long readXor(BitReader in) {
    if (!in.readBit()) {
      return 0;
    }
    if (!in.readBit()) {
      return in.read(64 - leadingZeros - trailingZeros) << trailingZeros;
    }
    leadingZeros = (int) in.read(6);
    int length = (int) in.read(6) + 1;
    trailingZeros = 64 - leadingZeros - length;
    return in.read(length) << trailingZeros;
  }
}
