package io.nodelink.metrics.history.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedCodecTest {

  @Test
  void timestampRunsRoundTripGapsJitterAndExtremes() {
    Random random = new Random(7);
    long[] timestamps = new long[2000];
    timestamps[0] = 1_700_000_000L;
    for (int i = 1; i < timestamps.length; i++) {
      int dice = random.nextInt(100);
      long step = dice < 90 ? 1 : dice < 97 ? 2 + random.nextInt(5) : random.nextInt(1 << 20) + 1;
      timestamps[i] = timestamps[i - 1] + step;
    }
    assertTimestampsRoundTrip(timestamps);
    assertTimestampsRoundTrip(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE});
    assertTimestampsRoundTrip(new long[] {42});
  }

  @Test
  void tenMinutesOfRegularTimestampsAreOneRun() {
    long[] timestamps = new long[600];
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] = 1_700_000_000L + i;
    }
    BitWriter out = new BitWriter(4);
    TimestampRuns.write(out, timestamps, 0, timestamps.length);
    assertThat(out.bitCount()).isLessThan(100);
  }

  @Test
  void decimalDeltasRoundTripBitExact() {
    Random random = new Random(11);
    assertDecimalsRoundTrip(walk(random, 1000, 10, 2), 1);
    assertDecimalsRoundTrip(walk(random, 1000, 100, 0.03), 2);
    double[] pages = new double[700];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = 4096.0 * (1_000_000 + random.nextInt(1000) - (i % 3 == 0 ? 500 : 0));
    }
    assertDecimalsRoundTrip(pages, 0);
    assertDecimalsRoundTrip(new double[] {-4.0e18, 4.0e18, 0, 3, -4.0e18}, 0);
    assertDecimalsRoundTrip(new double[] {0.5, -0.25, 123456789.125, 1e-3}, 3);
    double[] mostlyZero = new double[600];
    for (int i = 0; i < mostlyZero.length; i++) {
      mostlyZero[i] = random.nextInt(10) < 8 ? 0 : 4096.0 * random.nextInt(2000);
    }
    assertDecimalsRoundTrip(mostlyZero, 0);
    assertDecimalsRoundTrip(new double[] {17}, 0);
  }

  @Test
  void valuesThatAreNotShortDecimalsAreRefused() {
    BitWriter out = new BitWriter(1);
    assertThat(DecimalDeltas.write(out, new double[] {1.5, -0.0}, 0, 2)).isFalse();
    assertThat(DecimalDeltas.write(out, new double[] {1.0 / 3}, 0, 1)).isFalse();
    assertThat(DecimalDeltas.write(out, new double[] {Double.POSITIVE_INFINITY}, 0, 1)).isFalse();
    // Each is a short decimal, but no exponent fits both in 62 bits.
    assertThat(DecimalDeltas.write(out, new double[] {4.0e18, 1e-15}, 0, 2)).isFalse();
    assertThat(out.bitCount()).isZero();
  }

  @Test
  void aNoisyPercentageCostsLessThanWithTheStreamingCodec() {
    double[] values = walk(new Random(3), 600, 10, 2);
    BitWriter packed = new BitWriter(8);
    assertThat(DecimalDeltas.write(packed, values, 0, values.length)).isTrue();
    BitWriter streaming = new BitWriter(8);
    ValueEncoder encoder = new ValueEncoder();
    for (double v : values) {
      encoder.write(streaming, v);
    }
    assertThat(packed.bitCount()).isLessThan(streaming.bitCount() * 4 / 5);
  }

  @Test
  void appendCopiesEveryBit() {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      BitWriter first = new BitWriter(1);
      BitWriter second = new BitWriter(1);
      first.write(random.nextLong(), random.nextInt(65));
      int bits = random.nextInt(300);
      long[] expected = new long[bits];
      for (int i = 0; i < bits; i++) {
        expected[i] = random.nextInt(2);
        second.write(expected[i], 1);
      }
      int before = first.bitCount();
      first.append(second);
      assertThat(first.bitCount()).isEqualTo(before + bits);
      BitReader in = new BitReader(first.toWords(), before);
      for (int i = 0; i < bits; i++) {
        assertThat(in.read(1)).isEqualTo(expected[i]);
      }
    }
  }

  /** A bounded random walk rounded to {@code 1/scale}. */
  private static double[] walk(Random random, int n, double scale, double step) {
    double[] values = new double[n];
    double current = 50;
    for (int i = 0; i < n; i++) {
      current = Math.max(0, Math.min(100, current + random.nextGaussian() * step));
      values[i] = Math.round(current * scale) / scale;
    }
    return values;
  }

  private static void assertTimestampsRoundTrip(long[] timestamps) {
    BitWriter out = new BitWriter(1);
    TimestampRuns.write(out, timestamps, 0, timestamps.length);
    long[] read = new long[timestamps.length];
    TimestampRuns.read(new BitReader(out.toWords(), 0), read, read.length);
    assertThat(read).containsExactly(timestamps);
  }

  /** Round trip; {@code exponentHint} only documents the case. */
  private static void assertDecimalsRoundTrip(double[] values, int exponentHint) {
    BitWriter out = new BitWriter(1);
    assertThat(DecimalDeltas.write(out, values, 0, values.length))
        .as("exponent %d", exponentHint)
        .isTrue();
    double[] read = new double[values.length];
    DecimalDeltas.read(new BitReader(out.toWords(), 0), read, read.length);
    for (int i = 0; i < values.length; i++) {
      assertThat(Double.doubleToRawLongBits(read[i]))
          .as("value %d: %s", i, values[i])
          .isEqualTo(Double.doubleToRawLongBits(values[i]));
    }
  }
}
