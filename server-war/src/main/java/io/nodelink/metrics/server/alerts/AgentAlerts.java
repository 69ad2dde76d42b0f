package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

  AgentAlerts(String agentId, AlertBook book) {
    this.agentId = agentId;
    this.book = book;
  }

  /** Evaluates the threshold and prediction rules on one snapshot's series. */
  void evaluate(SeriesBatch batch, long timestamp, Iterable<CompiledRule> rules, Instant now) {
    Map<String, Double> byName = null;
    for (CompiledRule rule : rules) {
      if (AlertRule.NO_DATA.equals(rule.rule().type()) || !rule.appliesTo(agentId)) {
        continue;
      }
      if (rule.singleSeries()) {
        if (byName == null) {
          byName = batch.toMap();
        }
        Double value = byName.get(rule.rule().metric());
        if (value != null) {
          observe(rule.rule(), "", value, timestamp, now);
        }
        continue;
      }
      int carried = 0;
      for (int i = 0; i < batch.size(); i++) {
        String instance = rule.instanceOf(batch.name(i));
        if (instance != null) {
          observe(rule.rule(), instance, batch.value(i), timestamp, now);
          carried++;
        }
      }
      forgetVanishedInstances(rule.rule(), carried, timestamp);
    }
  }

  /**
   * Drops the quiet instances of a wildcard rule that this snapshot no longer carries (an interface
   * or disk that went away), so that names a host churns through do not fill the rule's {@value
   * #MAX_INSTANCES_PER_RULE} places for good; a pending or firing one stays until it ends.
   */
  private void forgetVanishedInstances(AlertRule rule, int carried, long timestamp) {
    Map<String, Tracked> instances = byRule.get(rule.name());
    if (instances != null && instances.size() > carried) {
      instances
          .values()
          .removeIf(t -> t.window().newestTime() < timestamp && !t.tracker().state().active());
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
  }

  private void observe(AlertRule rule, String instance, double value, long time, Instant now) {
    Tracked t = tracked(rule, instance);
    if (t == null) {
      return;
    }
    t.window().add(time, value);
    double v =
        AlertRule.PREDICT_FULL.equals(rule.type())
            ? t.window().secondsUntil(100.0)
            : t.window().aggregate(rule.agg());
    boolean breached = Conditions.breached(rule, v);
    AlertState before =
        t.tracker().observe(breached, Conditions.cleared(rule, v), now, rule.forSeconds());
    transition(rule, t, before, v, now);
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
