package io.nodelink.metrics.history.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CodecRoundTripTest {

  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.MIN_NORMAL,
    1e-320,
    1e300,
    0.1 + 0.2,
    23.4,
    -23.4,
    8_589_934_592.0,
    0x1p62,
    -0x1p62,
    0x1p63,
    (double) Long.MAX_VALUE,
    1e15 + 0.5,
    123456.789012345,
    Math.PI,
    Math.nextUp(1.0),
    100.0,
    0.001,
  };

  @Test
  void bitWriterAndReaderAgreeOnEveryWidth() {
    Random random = new Random(1);
    BitWriter out = new BitWriter(1);
    long[] values = new long[2000];
    int[] widths = new int[2000];
    for (int i = 0; i < values.length; i++) {
      widths[i] = random.nextInt(65);
      values[i] = random.nextLong();
      out.write(values[i], widths[i]);
    }
    BitReader in = new BitReader(out.toWords(), 0);
    for (int i = 0; i < values.length; i++) {
      long expected = widths[i] == 64 ? values[i] : values[i] & ((1L << widths[i]) - 1);
      if (widths[i] == 0) {
        expected = 0;
      }
      assertThat(in.read(widths[i])).as("value %d width %d", i, widths[i]).isEqualTo(expected);
    }
    assertThat(in.position()).isEqualTo(out.bitCount());
  }

  @Test
  void specialDoublesRoundTripBitExactInEveryOrder() {
    Random random = new Random(2);
    for (int round = 0; round < 200; round++) {
      double[] values = new double[50];
      for (int i = 0; i < values.length; i++) {
        values[i] = SPECIAL[random.nextInt(SPECIAL.length)];
      }
      assertRoundTrip(values);
    }
  }

  @Test
  void randomBitPatternsRoundTrip() {
    Random random = new Random(3);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.longBitsToDouble(random.nextLong());
    }
    assertRoundTrip(values);
  }

  @Test
  void nanRoundTripsAsNan() {
    double[] values = {1.5, Double.NaN, 2.5, Double.longBitsToDouble(0x7ff0_0000_0000_0001L)};
    double[] decoded = roundTrip(values);
    assertThat(decoded[1]).isNaN();
    assertThat(decoded[3]).isNaN();
    assertThat(decoded[0]).isEqualTo(1.5);
    assertThat(decoded[2]).isEqualTo(2.5);
  }

  @Test
  void metricLikeSeriesRoundTripAndCompress() {
    Random random = new Random(4);
    double[] cpu = new double[1000];
    double walk = 30;
    for (int i = 0; i < cpu.length; i++) {
      walk = Math.max(0, Math.min(100, walk + random.nextGaussian()));
      cpu[i] = Math.round(walk * 10) / 10.0;
    }
    BitWriter out = new BitWriter(1);
    ValueEncoder encoder = new ValueEncoder();
    for (double v : cpu) {
      encoder.write(out, v);
    }
    assertRoundTrip(cpu);
    assertThat(out.bitCount() / (double) cpu.length).isLessThan(12);
  }

  @Test
  void decimalsBeyondTheExponentRangeAndMixedScalesRoundTrip() {
    Random random = new Random(5);
    double[] values = new double[3000];
    for (int i = 0; i < values.length; i++) {
      int digits = random.nextInt(18);
      values[i] =
          Math.round(random.nextGaussian() * 1e6 * Math.pow(10, digits)) / Math.pow(10, digits);
    }
    assertRoundTrip(values);
  }

  @Test
  void timestampsRoundTripIncludingGapsJitterAndExtremes() {
    Random random = new Random(6);
    long[] timestamps = new long[5000];
    long t = -5_000_000_000L;
    for (int i = 0; i < timestamps.length; i++) {
      int kind = random.nextInt(100);
      t +=
          kind < 80
              ? 1
              : kind < 90 ? random.nextInt(3) : kind < 98 ? random.nextInt(5000) : 1L << 40;
      timestamps[i] = t;
    }
    timestamps[timestamps.length - 1] = Long.MAX_VALUE;
    timestamps[timestamps.length - 2] = Long.MIN_VALUE;
    BitWriter out = new BitWriter(1);
    TimestampEncoder encoder = new TimestampEncoder();
    for (long ts : timestamps) {
      encoder.write(out, ts);
    }
    BitReader in = new BitReader(out.toWords(), 0);
    TimestampDecoder decoder = new TimestampDecoder();
    for (int i = 0; i < timestamps.length; i++) {
      assertThat(decoder.read(in)).as("timestamp %d", i).isEqualTo(timestamps[i]);
    }
  }

  @Test
  void regularTimestampsCostAboutOneBitEach() {
    BitWriter out = new BitWriter(1);
    TimestampEncoder encoder = new TimestampEncoder();
    for (long t = 1_700_000_000L; t < 1_700_001_000L; t++) {
      encoder.write(out, t);
    }
    assertThat(out.bitCount()).isLessThan(64 + 9 + 1000);
  }

  private static void assertRoundTrip(double[] values) {
    double[] decoded = roundTrip(values);
    for (int i = 0; i < values.length; i++) {
      assertThat(Double.doubleToRawLongBits(decoded[i]))
          .as("value %d: %s", i, values[i])
          .isEqualTo(Double.doubleToRawLongBits(values[i]));
    }
  }

  private static double[] roundTrip(double[] values) {
    BitWriter out = new BitWriter(1);
    ValueEncoder encoder = new ValueEncoder();
    for (double v : values) {
      encoder.write(out, v);
    }
    BitReader in = new BitReader(out.toWords(), 0);
    ValueDecoder decoder = new ValueDecoder();
    double[] decoded = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      decoded[i] = decoder.read(in);
    }
    assertThat(in.position()).isEqualTo(out.bitCount());
    return decoded;
  }
}
