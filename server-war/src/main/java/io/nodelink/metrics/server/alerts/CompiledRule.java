package io.nodelink.metrics.server.alerts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule ready to evaluate: its agent patterns and, for a metric with {@code *}, the pattern whose
 * groups name the instance ({@code disk.*.usage_percent} matches {@code disk.sda1.usage_percent}
 * with instance {@code sda1}; a {@code *} never spans a dot).
 */
final class CompiledRule {

  private final AlertRule rule;
  private final List<Pattern> agents;
  private final Pattern metric;
  private final String literalPrefix;
  private final Aggregation aggregation;
  private final boolean predictsFull;

  CompiledRule(AlertRule rule) {
    this.rule = rule;
    this.agents =
        rule.agents().stream().map(a -> a.equals("*") ? null : Globs.compile(a, ".*")).toList();
    int star = rule.metric().indexOf('*');
    this.metric = star < 0 ? null : Globs.compile(rule.metric(), "([^.]+)");
    this.literalPrefix = star < 0 ? rule.metric() : rule.metric().substring(0, star);
    this.aggregation = rule.agg() == null ? Aggregation.LAST : Aggregation.of(rule.agg());
    this.predictsFull = AlertRule.PREDICT_FULL.equals(rule.type());
  }

  Aggregation aggregation() {
    return aggregation;
  }

  /** A {@code predict_full} rule: its value is the seconds until its series reaches 100. */
  boolean predictsFull() {
    return predictsFull;
  }

  AlertRule rule() {
    return rule;
  }

  String name() {
    return rule.name();
  }

  boolean appliesTo(String agentId) {
    for (Pattern p : agents) {
      if (p == null || p.matcher(agentId).matches()) {
        return true;
      }
    }
    return false;
  }

  /** True when the metric names one series; {@link #instanceOf} otherwise. */
  boolean singleSeries() {
    return metric == null;
  }

  /** The instance a series name stands for, or null if the rule's metric does not match it. */
  String instanceOf(String series) {
    if (!series.startsWith(literalPrefix)) {
      return null; // most series: no regex run
    }
    Matcher m = metric.matcher(series);
    if (!m.matches()) {
      return null;
    }
    if (m.groupCount() == 1) {
      return m.group(1);
    }
    StringBuilder instance = new StringBuilder();
    for (int g = 1; g <= m.groupCount(); g++) {
      instance.append(g > 1 ? "/" : "").append(m.group(g));
    }
    return instance.toString();
  }
}
