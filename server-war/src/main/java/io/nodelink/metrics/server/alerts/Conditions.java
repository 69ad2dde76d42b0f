package io.nodelink.metrics.server.alerts;

/** A rule's comparisons: when a value starts an alert, and when it ends one. */
final class Conditions {

  private Conditions() {}

  /** The value is past the threshold; never for NaN (no value yet). */
  static boolean breached(AlertRule rule, double value) {
    return !Double.isNaN(value) && compare(rule.op(), value, rule.threshold());
  }

  /**
   * The value is back past the clear threshold (or, without one, no longer past the threshold);
   * never for NaN, so an alert without fresh values keeps its state.
   */
  static boolean cleared(AlertRule rule, double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (rule.clearThreshold() == null) {
      return !breached(rule, value);
    }
    double clear = rule.clearThreshold();
    return rule.op().startsWith(">") ? value < clear : value > clear;
  }

  /**
   * {@code op} is one of {@code >}, {@code >=}, {@code <}, {@code <=} (the rule was validated). By
   * its characters, not a switch on the string: this runs for every (rule, instance) of every
   * snapshot, and the string switch's hashing showed as most of evaluation in a 5,000-agent
   * profile.
   */
  private static boolean compare(String op, double value, double threshold) {
    boolean orEqual = op.length() == 2;
    if (op.charAt(0) == '>') {
      return orEqual ? value >= threshold : value > threshold;
    }
    return orEqual ? value <= threshold : value < threshold;
  }
}
