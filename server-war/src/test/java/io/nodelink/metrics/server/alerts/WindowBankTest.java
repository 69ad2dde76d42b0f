package io.nodelink.metrics.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindowBankTest {

  @Test
  void aggregatesOverTheSpanOnly() {
    Window window = window(10);
    for (int t = 0; t <= 20; t++) {
      window.add(t, t);
    }
    // points 10..20 are within 10 s of 20
    assertThat(window.aggregate(Aggregation.MIN)).isEqualTo(10);
    assertThat(window.aggregate(Aggregation.MAX)).isEqualTo(20);
    assertThat(window.aggregate(Aggregation.AVG)).isEqualTo(15);
    assertThat(window.aggregate(Aggregation.LAST)).isEqualTo(20);
  }

  @Test
  void aZeroSpanKeepsTheLatestValue() {
    Window window = window(0);
    window.add(1, 5);
    window.add(2, 7);
    assertThat(window.size()).isEqualTo(1);
    assertThat(window.aggregate(Aggregation.AVG)).isEqualTo(7);
  }

  @Test
  void staysBoundedWhateverTheSpan() {
    Window window = window(86_400);
    for (int t = 0; t < 86_400; t++) {
      window.add(t, 1);
    }
    assertThat(window.size()).isLessThanOrEqualTo(WindowBank.MAX_POINTS);
    assertThat(window.aggregate(Aggregation.AVG)).isEqualTo(1);
  }

  @Test
  void emptyIsNaNAndLateValuesAreIgnored() {
    Window window = window(60);
    assertThat(window.aggregate(Aggregation.AVG)).isNaN();
    window.add(10, 1);
    window.add(5, 100);
    assertThat(window.aggregate(Aggregation.MAX)).isEqualTo(1);
  }

  @Test
  void predictsWhenALinearRiseReachesFull() {
    Window window = window(3600);
    for (int t = 0; t <= 3600; t += 60) {
      window.add(t, 50 + t / 360.0); // +10 % per hour: 60 % at 3600 s
    }
    assertThat(window.secondsUntil(100)).isCloseTo(4 * 3600, within(1.0));
  }

  @Test
  void aFlatOrFallingSeriesIsNeverFullAndTooLittleDataSaysNothing() {
    Window flat = window(600);
    for (int t = 0; t <= 600; t += 10) {
      flat.add(t, 40 - t / 100.0);
    }
    assertThat(flat.secondsUntil(100)).isInfinite();
    Window young = window(600);
    young.add(0, 1);
    young.add(10, 2);
    assertThat(young.secondsUntil(100)).isNaN();
  }

  /**
   * Min and max kept as values come and go (and found again only when an extreme's last point
   * leaves) agree with a pass over what the window holds, through appends, replaced newest points
   * and evictions: for values that rarely repeat, and for values from a small set that do.
   */
  @Test
  void minAndMaxAgreeWithTheHeldValuesThroughEveryChange() {
    java.util.Random random = new java.util.Random(42);
    for (boolean repeating : new boolean[] {false, true}) {
      for (long span : new long[] {0, 10, 300, 21_600}) {
        Window window = window(span);
        long time = 1_000;
        for (int step = 0; step < 5_000; step++) {
          time += 1 + random.nextInt(span > 1000 ? 400 : 3);
          double value =
              repeating ? random.nextInt(3) : Math.round(random.nextGaussian() * 1000) / 10.0;
          window.add(time, value);
          assertThat(window.aggregate(Aggregation.MIN)).isEqualTo(bruteForce(window, true));
          assertThat(window.aggregate(Aggregation.MAX)).isEqualTo(bruteForce(window, false));
        }
      }
    }
  }

  private static double bruteForce(Window window, boolean min) {
    double[] values = window.valuesForTest();
    double result = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    for (double v : values) {
      result = min ? Math.min(result, v) : Math.max(result, v);
    }
    return result;
  }

  /**
   * Windows of one bank side by side each keep their own points; a new bank takes over another's
   * points window by window.
   */
  @Test
  void windowsOfOneBankAreIndependentAndCarryOverToANewBank() {
    WindowBank bank = new WindowBank(new long[] {10, 0, 300});
    for (int t = 0; t <= 20; t++) {
      bank.add(0, t, t);
      bank.add(1, t, -t);
      bank.add(2, t, 2 * t);
    }
    assertThat(bank.aggregate(0, Aggregation.AVG)).isEqualTo(15);
    assertThat(bank.aggregate(1, Aggregation.LAST)).isEqualTo(-20);
    assertThat(bank.size(1)).isEqualTo(1);
    assertThat(bank.aggregate(2, Aggregation.MAX)).isEqualTo(40);
    assertThat(bank.aggregate(2, Aggregation.MIN)).isZero();

    WindowBank next = new WindowBank(new long[] {300, 10});
    next.copy(bank, 2, 0);
    next.copy(bank, 0, 1);
    assertThat(next.valuesForTest(0)).isEqualTo(bank.valuesForTest(2));
    assertThat(next.aggregate(1, Aggregation.AVG)).isEqualTo(15);
    next.add(1, 21, 21);
    assertThat(next.aggregate(1, Aggregation.MIN)).isEqualTo(11);
    assertThat(bank.aggregate(0, Aggregation.MIN)).isEqualTo(10);
  }

  private static Window window(long span) {
    return new Window(new WindowBank(new long[] {span}));
  }

  /** The one window of a bank, as the tests above read it. */
  private record Window(WindowBank bank) {
    void add(long time, double value) {
      bank.add(0, time, value);
    }

    double aggregate(Aggregation agg) {
      return bank.aggregate(0, agg);
    }

    double secondsUntil(double full) {
      return bank.secondsUntil(0, full);
    }

    int size() {
      return bank.size(0);
    }

    double[] valuesForTest() {
      return bank.valuesForTest(0);
    }
  }
}
