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
   * Windows of one bank, of one span or of several, each keep their own values, a gap (NaN) where a
   * series had none; a new bank takes over another's values window by window, and a window that
   * keeps no extremes finds them by a pass when asked.
   */
  @Test
  void windowsOfOneBankAreIndependentAndCarryOverToANewBank() {
    WindowBank bank = new WindowBank(new long[] {10, 0, 300, 10});
    for (int t = 0; t <= 20; t++) {
      bank.add(t, new double[] {t, -t, 2 * t, t % 2 == 0 ? t : Double.NaN});
    }
    assertThat(bank.aggregate(0, Aggregation.AVG)).isEqualTo(15);
    assertThat(bank.aggregate(1, Aggregation.LAST)).isEqualTo(-20);
    assertThat(bank.size(1)).isEqualTo(1);
    assertThat(bank.aggregate(2, Aggregation.MAX)).isEqualTo(40);
    assertThat(bank.aggregate(2, Aggregation.MIN)).isZero();
    assertThat(bank.valuesForTest(3)).containsExactly(10, 12, 14, 16, 18, 20);

    WindowBank next =
        new WindowBank(
            new long[] {300, 10, 10},
            new boolean[] {true, false, true},
            bank,
            new int[] {2, 0, -1});
    assertThat(next.valuesForTest(0)).isEqualTo(bank.valuesForTest(2));
    assertThat(next.aggregate(1, Aggregation.AVG)).isEqualTo(15);
    assertThat(next.size(2)).isZero();
    next.add(21, new double[] {42, 21, 5});
    assertThat(next.aggregate(1, Aggregation.MIN)).isEqualTo(11);
    assertThat(next.aggregate(2, Aggregation.AVG)).isEqualTo(5);
    assertThat(bank.aggregate(0, Aggregation.MIN)).isEqualTo(10);
  }

  /** A window whose series has had no value within the span keeps its newest one, however old. */
  @Test
  void aWindowWithoutRecentValuesKeepsItsNewest() {
    WindowBank bank = new WindowBank(new long[] {10, 10});
    bank.add(0, new double[] {7, 1});
    for (int t = 1; t <= 30; t++) {
      bank.add(t, new double[] {Double.NaN, 1});
    }
    assertThat(bank.size(0)).isZero();
    assertThat(bank.aggregate(0, Aggregation.AVG)).isEqualTo(7);
    assertThat(bank.aggregate(0, Aggregation.MAX)).isEqualTo(7);
    assertThat(new WindowBank(new long[] {10}).aggregate(0, Aggregation.LAST)).isNaN();
  }

  private static Window window(long span) {
    return new Window(new WindowBank(new long[] {span}));
  }

  /** The one window of a bank, as the tests above read it. */
  private record Window(WindowBank bank) {
    void add(long time, double value) {
      bank.add(time, new double[] {value});
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
