package io.nodelink.metrics.history.codec;

/**
 * A sealed chunk's values when every one is a short decimal at one exponent (see {@link
 * ValueEncoder}): the scaled integers' deltas, divided by their greatest common divisor (memory in
 * pages, disk bytes in sectors), Rice-coded with the parameter that makes this chunk smallest,
 * optionally behind a one-bit "no change" flag (idle disks, counts that rarely move). The streaming
 * codec must pick a width before it sees the data; a sealed chunk can measure it first, which saves
 * about a third on noisy series.
 */
public final class DecimalDeltas {

  /** Quotients from this on are written as an escape plus the value itself. */
  private static final int ESCAPE = 32;

  private DecimalDeltas() {}

  /**
   * Writes {@code values[from..to)} and returns true, or writes nothing and returns false when not
   * every value is a short decimal at one common exponent.
   */
  public static boolean write(BitWriter out, double[] values, int from, int to) {
    int exponent = commonExponent(values, from, to);
    if (exponent < 0) {
      return false;
    }
    int n = to - from;
    long[] deltas = new long[n];
    long previous = 0;
    long divisor = 0;
    for (int i = 0; i < n; i++) {
      long scaled = ValueEncoder.scaled(values[from + i], exponent);
      deltas[i] = scaled - previous;
      previous = scaled;
      if (i > 0 && deltas[i] != 0) {
        divisor = gcd(divisor, Math.abs(deltas[i]));
      }
    }
    divisor = Math.max(1, divisor);
    long[] zigzags = new long[n - 1];
    for (int i = 1; i < n; i++) {
      zigzags[i - 1] = LengthPrefixed.zigzag(deltas[i] / divisor);
    }
    Plan plan = Plan.best(zigzags);
    out.write(exponent, 4);
    LengthPrefixed.write(out, LengthPrefixed.zigzag(deltas[0]));
    LengthPrefixed.write(out, divisor - 1);
    out.write(plan.zeroFlag ? 1 : 0, 1);
    out.write(plan.k, 6);
    for (long z : zigzags) {
      if (plan.zeroFlag) {
        if (z == 0) {
          out.write(0, 1);
          continue;
        }
        out.write(1, 1);
        writeRice(out, z - 1, plan.k);
      } else {
        writeRice(out, z, plan.k);
      }
    }
    return true;
  }

  /** Reads {@code count} values written by {@link #write} into {@code out}. */
  public static void read(BitReader in, double[] out, int count) {
    int exponent = (int) in.read(4);
    long scaled = LengthPrefixed.unzigzag(LengthPrefixed.read(in));
    long divisor = LengthPrefixed.read(in) + 1;
    boolean zeroFlag = in.readBit();
    int k = (int) in.read(6);
    out[0] = ValueEncoder.decimal(scaled, exponent);
    for (int i = 1; i < count; i++) {
      long z;
      if (zeroFlag) {
        z = in.readBit() ? readRice(in, k) + 1 : 0;
      } else {
        z = readRice(in, k);
      }
      scaled += LengthPrefixed.unzigzag(z) * divisor;
      out[i] = ValueEncoder.decimal(scaled, exponent);
    }
  }

  /** Rice parameter and flag choice, by the exact bit count each would take. */
  private record Plan(boolean zeroFlag, int k) {
    static Plan best(long[] zigzags) {
      double sum = 0;
      for (long z : zigzags) {
        sum += z < 0 ? 0x1p63 : z;
      }
      double mean = zigzags.length == 0 ? 0 : sum / zigzags.length;
      int center = mean < 1 ? 0 : 63 - Long.numberOfLeadingZeros((long) Math.min(mean, 0x1p62));
      Plan best = null;
      long bestBits = Long.MAX_VALUE;
      for (int k = Math.max(0, center - 3); k <= Math.min(62, center + 2); k++) {
        for (boolean flag : new boolean[] {false, true}) {
          long bits = cost(zigzags, k, flag);
          if (bits < bestBits) {
            bestBits = bits;
            best = new Plan(flag, k);
          }
        }
      }
      return best;
    }

    private static long cost(long[] zigzags, int k, boolean flag) {
      long bits = 0;
      for (long z : zigzags) {
        if (flag) {
          bits += 1;
          if (z == 0) {
            continue;
          }
          bits += riceBits(z - 1, k);
        } else {
          bits += riceBits(z, k);
        }
      }
      return bits;
    }
  }

  private static long riceBits(long z, int k) {
    long quotient = z >>> k;
    return quotient < ESCAPE ? quotient + 1 + k : ESCAPE + 76;
  }

  private static void writeRice(BitWriter out, long z, int k) {
    long quotient = z >>> k;
    if (quotient < ESCAPE) {
      writeOnes(out, (int) quotient);
      out.write(0, 1);
      out.write(z, k);
    } else {
      writeOnes(out, ESCAPE);
      LengthPrefixed.write(out, z);
    }
  }

  private static long readRice(BitReader in, int k) {
    int quotient = 0;
    while (quotient < ESCAPE && in.readBit()) {
      quotient++;
    }
    if (quotient == ESCAPE) {
      return LengthPrefixed.read(in);
    }
    return ((long) quotient << k) | in.read(k);
  }

  private static void writeOnes(BitWriter out, int n) {
    int left = n;
    while (left > 0) {
      int chunk = Math.min(left, 63);
      out.write((1L << chunk) - 1, chunk);
      left -= chunk;
    }
  }

  /** The largest of the values' smallest decimal exponents, if every value is decimal at it. */
  private static int commonExponent(double[] values, int from, int to) {
    int exponent = 0;
    for (int i = from; i < to; i++) {
      while (ValueEncoder.scaled(values[i], exponent) == ValueEncoder.NOT_DECIMAL) {
        if (++exponent > ValueEncoder.MAX_EXPONENT) {
          return -1;
        }
      }
    }
    for (int i = from; i < to; i++) {
      if (ValueEncoder.scaled(values[i], exponent) == ValueEncoder.NOT_DECIMAL) {
        return -1;
      }
    }
    return exponent;
  }

  private static long gcd(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
}
