package io.nodelink.metrics.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts of one agent: for each rule and instance an {@link AlertTracker}, fed from the windows
 * of a {@link WindowBank}. Not thread-safe: the evaluator runs one agent's work at a time.
 */
final class AgentAlerts {

  /** Instances one rule may track for one agent (a wildcard over a churning name space). */
  static final int MAX_INSTANCES_PER_RULE = 1000;

  private final String agentId;
  private final AlertBook book;
  private final Map<String, Map<String, Tracked>> byRule = new HashMap<>();

  /** One (rule, instance) and its state. */
  private record Tracked(AlertKey key, AlertTracker tracker) {}

  /**
   * What a batch with these names feeds under these rules. Window {@code w} of {@code windows}
   * takes series {@code seriesOf[w]} (one window per series and span, shared by the rules that need
   * the same); target {@code k} evaluates rule {@code rule[k]} for (rule, instance) {@code
   * tracked[k]} on window {@code windowOf[k]}. {@code active[k]} mirrors its tracker's state, so
   * that the usual target, quiet and not breached, is passed over without reading its tracker.
   */
  private record Plan(
      String[] names,
      Iterable<CompiledRule> rules,
      int[] seriesOf,
      WindowBank windows,
      double[] values,
      CompiledRule[] rule,
      Tracked[] tracked,
      int[] windowOf,
      boolean[] active) {

    /** The same rules (the same list) and the same series names in the same order. */
    boolean fits(AlertValues batch, Iterable<CompiledRule> current) {
      if (current != rules || batch.size() != names.length) {
        return false;
      }
      for (int i = 0; i < names.length; i++) {
        String name = batch.name(i);
        if (name != names[i] && !name.equals(names[i])) {
          return false;
        }
      }
      return true;
    }

    /** The window of series {@code name} with {@code span}, or -1. */
    int windowFor(String name, long span) {
      for (int w = 0; w < seriesOf.length; w++) {
        if (windows.span(w) == span && names[seriesOf[w]].equals(name)) {
          return w;
        }
      }
      return -1;
    }
  }

  private Plan plan;

  private volatile boolean noDataActive = true;

  AgentAlerts(String agentId, AlertBook book) {
    this.agentId = agentId;
    this.book = book;
  }

  /**
   * Evaluates the threshold and prediction rules on one snapshot's series. Which windows and (rule,
   * instance) each series feeds is worked out once for a set of series names and rules (the {@link
   * Plan}) and reused while the agent sends the same series: a host's series rarely change, and
   * matching every series against every wildcard rule on each snapshot was most of evaluation's
   * cost.
   */
  void evaluate(AlertValues batch, long timestamp, Iterable<CompiledRule> rules, Instant now) {
    if (plan == null || !plan.fits(batch, rules)) {
      plan = plan(batch, rules);
    }
    Plan p = plan;
    WindowBank windows = p.windows();
    double[] values = p.values();
    for (int w = 0; w < values.length; w++) {
      values[w] = batch.value(p.seriesOf()[w]);
    }
    windows.add(timestamp, values);
    for (int k = 0; k < p.rule().length; k++) {
      CompiledRule rule = p.rule()[k];
      int w = p.windowOf()[k];
      double v =
          rule.predictsFull()
              ? windows.secondsUntil(w, 100.0)
              : windows.aggregate(w, rule.aggregation());
      boolean breached = Conditions.breached(rule.rule(), v);
      if (breached || p.active()[k]) {
        p.active()[k] = observe(rule.rule(), p.tracked()[k], breached, v, now);
      }
    }
  }

  /**
   * Matches the series to the rules; drops the quiet instances the series no longer carry. The
   * windows of series and spans the last plan had keep their points.
   */
  private Plan plan(AlertValues batch, Iterable<CompiledRule> rules) {
    List<CompiledRule> ruleOf = new ArrayList<>();
    List<Tracked> targets = new ArrayList<>();
    List<Integer> windowOf = new ArrayList<>();
    Map<String, Integer> windowIds = new HashMap<>();
    List<Integer> seriesOf = new ArrayList<>();
    List<Long> spans = new ArrayList<>();
    List<Boolean> extremes = new ArrayList<>();
    for (CompiledRule rule : rules) {
      if (AlertRule.NO_DATA.equals(rule.rule().type()) || !rule.appliesTo(agentId)) {
        continue;
      }
      Set<String> carried = new HashSet<>();
      for (int i = 0; i < batch.size(); i++) {
        String instance =
            rule.singleSeries()
                ? (batch.name(i).equals(rule.rule().metric()) ? "" : null)
                : rule.instanceOf(batch.name(i));
        if (instance != null && carried.add(instance)) {
          Tracked t = tracked(rule.rule(), instance);
          if (t != null) {
            long span = rule.rule().overSeconds();
            int series = i;
            ruleOf.add(rule);
            targets.add(t);
            int w =
                windowIds.computeIfAbsent(
                    i + "@" + span,
                    key -> {
                      seriesOf.add(series);
                      spans.add(span);
                      extremes.add(false);
                      return spans.size() - 1;
                    });
            windowOf.add(w);
            extremes.set(w, extremes.get(w) || takesExtreme(rule));
          }
        }
      }
      forgetVanishedInstances(rule.rule(), carried);
    }
    int[] series = seriesOf.stream().mapToInt(Integer::intValue).toArray();
    long[] spanOf = spans.stream().mapToLong(Long::longValue).toArray();
    boolean[] withExtremes = new boolean[spanOf.length];
    for (int w = 0; w < withExtremes.length; w++) {
      withExtremes[w] = extremes.get(w);
    }
    WindowBank windows =
        new WindowBank(
            spanOf,
            withExtremes,
            plan == null ? null : plan.windows(),
            plan == null ? null : previousWindows(batch, series, spanOf));
    Tracked[] tracked = targets.toArray(Tracked[]::new);
    boolean[] active = new boolean[tracked.length];
    for (int k = 0; k < tracked.length; k++) {
      active[k] = tracked[k].tracker().state().active();
    }
    return new Plan(
        batch.namesCopy(),
        rules,
        series,
        windows,
        new double[series.length],
        ruleOf.toArray(CompiledRule[]::new),
        tracked,
        windowOf.stream().mapToInt(Integer::intValue).toArray(),
        active);
  }

  private static boolean takesExtreme(CompiledRule rule) {
    return !rule.predictsFull()
        && (rule.aggregation() == Aggregation.MIN || rule.aggregation() == Aggregation.MAX);
  }

  /** For each new window, the last plan's window of the same series and span, or -1. */
  private int[] previousWindows(AlertValues batch, int[] seriesOf, long[] spans) {
    int[] previous = new int[seriesOf.length];
    for (int w = 0; w < seriesOf.length; w++) {
      previous[w] = plan.windowFor(batch.name(seriesOf[w]), spans[w]);
    }
    return previous;
  }

  /**
   * Drops the quiet instances of a rule that the series no longer carry (an interface or disk that
   * went away), so that names a host churns through do not fill the rule's {@value
   * #MAX_INSTANCES_PER_RULE} places for good; a pending or firing one stays until it ends.
   */
  private void forgetVanishedInstances(AlertRule rule, Set<String> carried) {
    Map<String, Tracked> instances = byRule.get(rule.name());
    if (instances != null && instances.size() > carried.size()) {
      instances
          .entrySet()
          .removeIf(e -> !carried.contains(e.getKey()) && !e.getValue().tracker().state().active());
    }
  }

  /**
   * Evaluates the no-data rules.
   *
   * @param silentFor how long the agent has sent nothing it should have (offline, or streaming but
   *     silent)
   */
  void checkNoData(Iterable<CompiledRule> rules, Duration silentFor, Instant now) {
    boolean active = false;
    for (CompiledRule rule : rules) {
      if (!AlertRule.NO_DATA.equals(rule.rule().type()) || !rule.appliesTo(agentId)) {
        continue;
      }
      AlertRule r = rule.rule();
      boolean silent = silentFor.toSeconds() >= r.forSeconds();
      Tracked t = tracked(r, "");
      if (t == null) {
        continue;
      }
      double seconds = silentFor.toSeconds();
      transition(r, t, t.tracker().observe(silent, !silent, now, 0), seconds, now);
      active |= t.tracker().state().active();
    }
    noDataActive = active;
  }

  /**
   * Whether a no-data alert of this agent may be pending or firing: true until {@link #checkNoData}
   * has looked (one restored after a restart ends only there).
   */
  boolean noDataActive() {
    return noDataActive;
  }

  /** How many windows the last snapshot fed (benchmarks). */
  int windowCount() {
    return plan == null ? 0 : plan.seriesOf().length;
  }

  /** Drops the trackers of changed rules (their alerts were ended by the book). */
  void forget(Set<String> rules) {
    rules.forEach(byRule::remove);
    plan = null;
  }

  /** Feeds one evaluation to the tracker; returns whether its alert is active after it. */
  private boolean observe(AlertRule rule, Tracked t, boolean breached, double value, Instant now) {
    AlertTracker tracker = t.tracker();
    AlertState before =
        tracker.observe(breached, Conditions.cleared(rule, value), now, rule.forSeconds());
    if (before != null || tracker.state().active()) {
      transition(rule, t, before, value, now);
    }
    return tracker.state().active();
  }

  private void transition(AlertRule rule, Tracked t, AlertState before, double value, Instant now) {
    if (before == null) {
      if (t.tracker().state().active()) {
        book.refresh(t.key(), value, rule.summaryFor(agentId, t.key().instance(), value));
      }
      return; // the usual case: no text built
    }
    String summary = rule.summaryFor(agentId, t.key().instance(), value);
    AlertTracker tracker = t.tracker();
    boolean ended = !tracker.state().active();
    book.record(
        before,
        new Alert(
            t.key(),
            tracker.state(),
            rule.severity(),
            value,
            tracker.activeSince(),
            tracker.firingSince(),
            ended ? now : null,
            summary,
            rule.labels()));
  }

  private Tracked tracked(AlertRule rule, String instance) {
    Map<String, Tracked> instances = byRule.computeIfAbsent(rule.name(), n -> new HashMap<>());
    Tracked t = instances.get(instance);
    if (t != null) {
      return t;
    }
    if (instances.size() >= MAX_INSTANCES_PER_RULE) {
      return null;
    }
    AlertKey key = new AlertKey(rule.name(), agentId, instance);
    AlertTracker tracker =
        book.active(key)
            .map(a -> AlertTracker.restored(a.state(), a.activeSince(), a.firingSince()))
            .orElseGet(AlertTracker::new);
    t = new Tracked(key, tracker);
    instances.put(instance, t);
    return t;
  }
}
