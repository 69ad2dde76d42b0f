package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ValueWindowTest {

  @Test
  void aggregatesOverTheSpanOnly() {
    ValueWindow window = new ValueWindow(10);
    for (int t = 0; t <= 20; t++) {
      window.add(t, t);
    }
    // points 10..20 are within 10 s of 20
    assertThat(window.aggregate("min")).isEqualTo(10);
    assertThat(window.aggregate("max")).isEqualTo(20);
    assertThat(window.aggregate("avg")).isEqualTo(15);
    assertThat(window.aggregate("last")).isEqualTo(20);
  }

  @Test
  void aZeroSpanKeepsTheLatestValue() {
    ValueWindow window = new ValueWindow(0);
    window.add(1, 5);
    window.add(2, 7);
    assertThat(window.size()).isEqualTo(1);
    assertThat(window.aggregate("avg")).isEqualTo(7);
  }

  @Test
  void staysBoundedWhateverTheSpan() {
    ValueWindow window = new ValueWindow(86_400);
    for (int t = 0; t < 86_400; t++) {
      window.add(t, 1);
    }
    assertThat(window.size()).isLessThanOrEqualTo(ValueWindow.MAX_POINTS);
    assertThat(window.aggregate("avg")).isEqualTo(1);
  }

  @Test
  void emptyIsNaNAndLateValuesAreIgnored() {
    ValueWindow window = new ValueWindow(60);
    assertThat(window.aggregate("avg")).isNaN();
    window.add(10, 1);
    window.add(5, 100);
    assertThat(window.aggregate("max")).isEqualTo(1);
  }

  @Test
  void predictsWhenALinearRiseReachesFull() {
    ValueWindow window = new ValueWindow(3600);
    for (int t = 0; t <= 3600; t += 60) {
      window.add(t, 50 + t / 360.0); // +10 % per hour: 60 % at 3600 s
    }
    assertThat(window.secondsUntil(100)).isCloseTo(4 * 3600, within(1.0));
  }

  @Test
  void aFlatOrFallingSeriesIsNeverFullAndTooLittleDataSaysNothing() {
    ValueWindow flat = new ValueWindow(600);
    for (int t = 0; t <= 600; t += 10) {
      flat.add(t, 40 - t / 100.0);
    }
    assertThat(flat.secondsUntil(100)).isInfinite();
    ValueWindow young = new ValueWindow(600);
    young.add(0, 1);
    young.add(10, 2);
    assertThat(young.secondsUntil(100)).isNaN();
  }

  /**
   * Min and max kept as values come and go (and found again only when an extreme leaves) agree with
   * a pass over what the window holds, through appends, replaced newest points and evictions.
   */
  @Test
  void minAndMaxAgreeWithTheHeldValuesThroughEveryChange() {
    java.util.Random random = new java.util.Random(42);
    for (long span : new long[] {0, 10, 300, 21_600}) {
      ValueWindow window = new ValueWindow(span);
      long time = 1_000;
      for (int step = 0; step < 5_000; step++) {
        time += 1 + random.nextInt(span > 1000 ? 400 : 3);
        double value = Math.round(random.nextGaussian() * 1000) / 10.0;
        window.add(time, value);
        assertThat(window.aggregate("min")).isEqualTo(bruteForce(window, true));
        assertThat(window.aggregate("max")).isEqualTo(bruteForce(window, false));
      }
    }
  }

  private static double bruteForce(ValueWindow window, boolean min) {
    double[] values = window.valuesForTest();
    double result = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    for (double v : values) {
      result = min ? Math.min(result, v) : Math.max(result, v);
    }
    return result;
  }
}
