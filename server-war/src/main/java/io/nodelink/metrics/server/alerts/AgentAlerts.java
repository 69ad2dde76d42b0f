package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts of one agent: for each rule and instance a {@link ValueWindow} and an {@link
 * AlertTracker}. Not thread-safe: the evaluator runs one task per agent at a time.
 */
final class AgentAlerts {

  /** Instances one rule may track for one agent (a wildcard over a churning name space). */
  static final int MAX_INSTANCES_PER_RULE = 1000;

  private final String agentId;
  private final AlertBook book;
  private final Map<String, Map<String, Tracked>> byRule = new HashMap<>();

  /** One (rule, instance): its values and its state. */
  private record Tracked(AlertKey key, ValueWindow window, AlertTracker tracker) {}

  /**
   * What each series of a batch with these names feeds, under these rules: target {@code k} is
   * series {@code index[k]} into (rule, instance) {@code tracked[k]}. Side by side in arrays, its
   * window and tracker too, so a snapshot's pass reads them in order without going through the
   * records for each.
   */
  private record Plan(
      String[] names,
      Iterable<CompiledRule> rules,
      AlertRule[] rule,
      Tracked[] tracked,
      ValueWindow[] window,
      AlertTracker[] tracker,
      int[] index) {

    /** The same rules (the same list) and the same series names in the same order. */
    boolean fits(SeriesBatch batch, Iterable<CompiledRule> current) {
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
  }

  private Plan plan;

  AgentAlerts(String agentId, AlertBook book) {
    this.agentId = agentId;
    this.book = book;
  }

  /**
   * Evaluates the threshold and prediction rules on one snapshot's series. Which (rule, instance)
   * each series feeds is worked out once for a set of series names and rules (the {@link Plan}) and
   * reused while the agent sends the same series: a host's series rarely change, and matching every
   * series against every wildcard rule on each snapshot was most of evaluation's cost.
   */
  void evaluate(SeriesBatch batch, long timestamp, Iterable<CompiledRule> rules, Instant now) {
    if (plan == null || !plan.fits(batch, rules)) {
      plan = plan(batch, rules, timestamp);
    }
    Plan p = plan;
    for (int k = 0; k < p.index().length; k++) {
      observe(
          p.rule()[k],
          p.tracked()[k],
          p.window()[k],
          p.tracker()[k],
          batch.value(p.index()[k]),
          timestamp,
          now);
    }
  }

  /** Matches the series to the rules; drops the quiet instances the series no longer carry. */
  private Plan plan(SeriesBatch batch, Iterable<CompiledRule> rules, long timestamp) {
    List<AlertRule> ruleOf = new ArrayList<>();
    List<Tracked> targets = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
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
            ruleOf.add(rule.rule());
            targets.add(t);
            indexes.add(i);
          }
        }
      }
      forgetVanishedInstances(rule.rule(), carried, timestamp);
    }
    return new Plan(
        batch.namesCopy(),
        rules,
        ruleOf.toArray(AlertRule[]::new),
        targets.toArray(Tracked[]::new),
        targets.stream().map(Tracked::window).toArray(ValueWindow[]::new),
        targets.stream().map(Tracked::tracker).toArray(AlertTracker[]::new),
        indexes.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Drops the quiet instances of a rule that the series no longer carry (an interface or disk that
   * went away), so that names a host churns through do not fill the rule's {@value
   * #MAX_INSTANCES_PER_RULE} places for good; a pending or firing one stays until it ends.
   */
  private void forgetVanishedInstances(AlertRule rule, Set<String> carried, long timestamp) {
    Map<String, Tracked> instances = byRule.get(rule.name());
    if (instances != null && instances.size() > carried.size()) {
      instances
          .entrySet()
          .removeIf(
              e ->
                  !carried.contains(e.getKey())
                      && e.getValue().window().newestTime() < timestamp
                      && !e.getValue().tracker().state().active());
    }
  }

  /**
   * Evaluates the no-data rules.
   *
   * @param silentFor how long the agent has sent nothing it should have (offline, or streaming but
   *     silent)
   */
  void checkNoData(Iterable<CompiledRule> rules, Duration silentFor, Instant now) {
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
    }
  }

  /** Drops the trackers of changed rules (their alerts were ended by the book). */
  void forget(Set<String> rules) {
    rules.forEach(byRule::remove);
    plan = null;
  }

  private void observe(
      AlertRule rule,
      Tracked t,
      ValueWindow window,
      AlertTracker tracker,
      double value,
      long time,
      Instant now) {
    window.add(time, value);
    double v =
        AlertRule.PREDICT_FULL.equals(rule.type())
            ? window.secondsUntil(100.0)
            : window.aggregate(rule.agg());
    boolean breached = Conditions.breached(rule, v);
    AlertState before =
        tracker.observe(breached, Conditions.cleared(rule, v), now, rule.forSeconds());
    if (before != null || tracker.state().active()) {
      transition(rule, t, before, v, now);
    }
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
    t = new Tracked(key, new ValueWindow(rule.overSeconds()), tracker);
    instances.put(instance, t);
    return t;
  }
}
