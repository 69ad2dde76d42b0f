package io.nodelink.metrics.history.codec;

/**
 * Unsigned 64-bit values as their bit length (Elias gamma of length + 1) followed by the bits below
 * the leading one: 0 costs 1 bit, 1 costs 3, 2..3 cost 4, 600 costs 15, 2^63 costs 76. For numbers
 * whose size varies a lot, such as run lengths and headers.
 */
final class LengthPrefixed {

  private LengthPrefixed() {}

  static void write(BitWriter out, long value) {
    int length = 64 - Long.numberOfLeadingZeros(value);
    writeGamma(out, length + 1);
    if (length > 1) {
      out.write(value, length - 1);
    }
  }

  static long read(BitReader in) {
    int length = readGamma(in) - 1;
    if (length == 0) {
      return 0;
    }
    long below = length > 1 ? in.read(length - 1) : 0;
    return length == 64 ? Long.MIN_VALUE | below : (1L << (length - 1)) | below;
  }

  /** Elias gamma of {@code n} in 1..65: n's bit length minus one zeros, then n. */
  private static void writeGamma(BitWriter out, int n) {
    int bits = 32 - Integer.numberOfLeadingZeros(n);
    out.write(0, bits - 1);
    out.write(n, bits);
  }

  private static int readGamma(BitReader in) {
    int zeros = 0;
    while (!in.readBit()) {
      zeros++;
    }
    return (int) ((1L << zeros) | in.read(zeros));
  }

  static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  static long unzigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }
}
