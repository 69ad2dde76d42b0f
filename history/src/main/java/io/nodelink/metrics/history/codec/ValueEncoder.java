package io.nodelink.metrics.history.codec;

/**
 * Bit-exact coding of a stream of doubles that favours what host metrics look like: values that are
 * short decimals ({@code 23.4}, {@code 8589934592}, {@code 0}) are stored as deltas of integers
 * scaled by a power of ten; anything else ({@code -0.0}, infinities, full-precision fractions) as a
 * Gorilla XOR against the previous value.
 *
 * <p>Codes per value: {@code 0} same scaled integer as the last decimal value; {@code 10}+w bits
 * zig-zag delta in the current width w; {@code 110}+6 bits width+delta, setting a new width; {@code
 * 1110}+4 bits a larger decimal exponent, followed by the value's own code; {@code 1111} a Gorilla
 * XOR ({@code 0} same bits, {@code 10} bits within the previous leading/trailing-zero window,
 * {@code 11}+6 bits leading zeros+6 bits length+bits).
 *
 * <p>A value is taken as decimal only if {@code n / 10^e} gives back its exact bits, the same
 * expression the decoder evaluates, so decoding never loses a bit.
 */
public final class ValueEncoder {

  /** The largest decimal exponent: {@code 10^15} and below are exact doubles. */
  static final int MAX_EXPONENT = 15;

  static final double[] POWERS_OF_TEN = new double[MAX_EXPONENT + 1];

  /**
   * After this many values in a row that were not decimal at any exponent, stop searching for a
   * larger exponent: a full-precision series would otherwise pay 15 trial roundings per value.
   */
  private static final int GIVE_UP_AFTER_MISSES = 8;

  static {
    double power = 1;
    for (int i = 0; i <= MAX_EXPONENT; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private int exponent;
  private long previousScaled;
  private int width;
  private long previousBits;
  private int leadingZeros = -1;
  private int trailingZeros;
  private int misses;

  /** Appends {@code value} to {@code out}. */
  public void write(BitWriter out, double value) {
    long bits = Double.doubleToRawLongBits(value);
    long scaled = scaled(value, exponent);
    if (scaled != NOT_DECIMAL) {
      writeScaled(out, scaled);
      misses = 0;
    } else if (misses < GIVE_UP_AFTER_MISSES && tryLargerExponent(out, value)) {
      misses = 0;
    } else {
      out.write(0b1111, 4);
      writeXor(out, bits);
      misses++;
    }
    previousBits = bits;
  }

  private boolean tryLargerExponent(BitWriter out, double value) {
    for (int e = exponent + 1; e <= MAX_EXPONENT; e++) {
      long scaled = scaled(value, e);
      if (scaled != NOT_DECIMAL) {
        out.write(0b1110, 4);
        out.write(e, 4);
        previousScaled = rescale(previousScaled, exponent, e);
        exponent = e;
        writeScaled(out, scaled);
        return true;
      }
    }
    return false;
  }

  private void writeScaled(BitWriter out, long scaled) {
    long delta = scaled - previousScaled;
    previousScaled = scaled;
    if (delta == 0) {
      out.write(0b0, 1);
      return;
    }
    long zigzag = (delta << 1) ^ (delta >> 63);
    int needed = 64 - Long.numberOfLeadingZeros(zigzag);
    if (needed <= width && 2 + width <= 3 + 6 + needed) {
      out.write(0b10, 2);
      out.write(zigzag, width);
    } else {
      out.write(0b110, 3);
      out.write(needed - 1, 6);
      out.write(zigzag, needed);
      width = needed;
    }
  }

  private void writeXor(BitWriter out, long bits) {
    long xor = bits ^ previousBits;
    if (xor == 0) {
      out.write(0b0, 1);
      return;
    }
    int leading = Long.numberOfLeadingZeros(xor);
    int trailing = Long.numberOfTrailingZeros(xor);
    if (leadingZeros >= 0 && leading >= leadingZeros && trailing >= trailingZeros) {
      out.write(0b10, 2);
      out.write(xor >>> trailingZeros, 64 - leadingZeros - trailingZeros);
    } else {
      int length = 64 - leading - trailing;
      out.write(0b11, 2);
      out.write(leading, 6);
      out.write(length - 1, 6);
      out.write(xor >>> trailing, length);
      leadingZeros = leading;
      trailingZeros = trailing;
    }
  }

  /** Marks "not a short decimal"; never a valid scaled value because it does not round-trip. */
  static final long NOT_DECIMAL = Long.MIN_VALUE;

  /** {@code value * 10^e} as a long if {@code that / 10^e} is bit-identical to value. */
  static long scaled(double value, int e) {
    double power = POWERS_OF_TEN[e];
    double product = value * power;
    // Up to 2^62 a full-precision value (37.41234567891234) still passes at 10^15 as a large
    // integer whose deltas cost ~55 bits, less than its XOR (~70 bits).
    if (!(Math.abs(product) < 0x1p62)) {
      return NOT_DECIMAL;
    }
    long scaled = Math.round(product);
    return Double.doubleToRawLongBits(decimal(scaled, e)) == Double.doubleToRawLongBits(value)
        ? scaled
        : NOT_DECIMAL;
  }

  /**
   * The short decimal (at most 6 decimals) within 4 ulps of {@code value}, or {@code value} itself:
   * strips summation noise ({@code 1277.5000000000005} becomes {@code 1277.5}) so sums compress.
   */
  public static double snapToShortDecimal(double value) {
    if (!Double.isFinite(value)) {
      return value;
    }
    double tolerance = 4 * Math.ulp(value);
    for (int e = 0; e <= 6; e++) {
      double product = value * POWERS_OF_TEN[e];
      if (!(Math.abs(product) < 0x1p53)) {
        return value;
      }
      double candidate = decimal(Math.round(product), e);
      if (Math.abs(candidate - value) <= tolerance) {
        return candidate;
      }
    }
    return value;
  }

  /** The double a scaled integer stands for; the decoder uses exactly this expression. */
  static double decimal(long scaled, int e) {
    // n / 1.0 is exactly (double) n; skipping the division keeps integer series cheap.
    return e == 0 ? (double) scaled : scaled / POWERS_OF_TEN[e];
  }

  /** The previous scaled value expressed at a larger exponent; wrapping is the same on decode. */
  static long rescale(long scaled, int from, int to) {
    long result = scaled;
    for (int i = from; i < to; i++) {
      result *= 10;
    }
    return result;
  }
}
