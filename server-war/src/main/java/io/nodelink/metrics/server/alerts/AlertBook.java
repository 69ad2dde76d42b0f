package io.nodelink.metrics.server.alerts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The alerts as they stand and the alert log: every transition is recorded here (kept in the {@link
 * AlertStore}, published as {@link AlertChanged}). Active alerts and the log's newest {@value
 * #LOG_SIZE} entries are held in memory, restored at start. Thread-safe.
 */
@ApplicationScoped
public class AlertBook {

  private static final Logger LOG = Logger.getLogger(AlertBook.class.getName());

  static final int LOG_SIZE = 10_000;

  private final Map<AlertKey, Alert> active = new ConcurrentHashMap<>();
  private final Deque<AlertTransition> log = new ArrayDeque<>();

  @Inject AlertStore store;

  @Inject Event<AlertChanged> changes;

  @Inject Clock clock;

  @Inject AlertSettingsProducer settings;

  private Consumer<AlertChanged> publisher;

  /** For CDI. */
  public AlertBook() {}

  /** Outside a container (tests): changes go to {@code publisher}. */
  AlertBook(
      AlertStore store, Clock clock, AlertSettings settings, Consumer<AlertChanged> publisher) {
    this.store = store;
    this.clock = clock;
    this.settings = new AlertSettingsProducer(settings);
    this.publisher = publisher;
    restore();
  }

  @PostConstruct
  void start() {
    publisher = changes::fire;
    restore();
  }

  private void restore() {
    try {
      store.loadActive().forEach(a -> active.put(a.key(), a));
      Instant since = clock.instant().minus(settings.settings().historyRetention());
      List<AlertTransition> newestFirst = store.loadTransitions(since, LOG_SIZE);
      synchronized (log) {
        newestFirst.forEach(log::addLast);
      }
      LOG.log(
          Level.FINE,
          "Restored {0} active alert(s) and {1} log entries",
          new Object[] {active.size(), newestFirst.size()});
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Alerts not restored: {0}", e.getMessage());
    }
  }

  /** Records a transition of {@code key} to {@code alert}'s state. */
  void record(AlertState from, Alert alert) {
    Instant now = alert.endedAt() != null ? alert.endedAt() : clock.instant();
    if (alert.state().active()) {
      active.put(alert.key(), alert);
    } else {
      active.remove(alert.key());
    }
    AlertTransition transition =
        new AlertTransition(
            UUID.randomUUID().toString(),
            now,
            alert.key(),
            from,
            alert.state(),
            alert.severity(),
            alert.value(),
            alert.summary());
    synchronized (log) {
      log.addFirst(transition);
      if (log.size() > LOG_SIZE) {
        log.removeLast();
      }
    }
    store.saveAlert(alert);
    store.appendTransition(transition);
    LOG.log(
        Level.FINE,
        "Alert {0} {1} -> {2}: {3}",
        new Object[] {alert.key(), from.json(), alert.state().json(), alert.summary()});
    publisher.accept(new AlertChanged(alert, transition));
  }

  /** Keeps an active alert's latest value (no transition, not persisted). */
  void refresh(AlertKey key, double value, String summary) {
    active.computeIfPresent(
        key,
        (k, a) ->
            new Alert(
                k,
                a.state(),
                a.severity(),
                value,
                a.activeSince(),
                a.firingSince(),
                null,
                summary,
                a.labels()));
  }

  /**
   * In a cluster, takes up an agent's active alerts as the store has them (the server that
   * evaluated it before left them there), in place of what this server last knew of them.
   */
  void takeUp(String agentId) {
    List<Alert> stored;
    try {
      stored = store.loadActive(agentId);
    } catch (IllegalStateException e) {
      LOG.log(
          Level.WARNING, "Alerts of {0} not taken up: {1}", new Object[] {agentId, e.getMessage()});
      return;
    }
    active.keySet().removeIf(key -> key.agentId().equals(agentId));
    stored.forEach(a -> active.put(a.key(), a));
  }

  /**
   * In a cluster, forgets (in memory only, no transition) the active alerts of the agents another
   * server evaluates: that server takes them up from the store and answers for them.
   */
  void keepOnly(Predicate<String> evaluatedHere) {
    active.keySet().removeIf(key -> !evaluatedHere.test(key.agentId()));
  }

  /** The active alert of {@code key}: what a new tracker takes up after a restart. */
  Optional<Alert> active(AlertKey key) {
    return Optional.ofNullable(active.get(key));
  }

  /** Pending and firing alerts. */
  public Collection<Alert> active() {
    return List.copyOf(active.values());
  }

  /** How many alerts of the agent fire. */
  public int firingCount(String agentId) {
    int n = 0;
    for (Alert a : active.values()) {
      if (a.state() == AlertState.FIRING && a.key().agentId().equals(agentId)) {
        n++;
      }
    }
    return n;
  }

  /** The log, newest first, filtered, from {@code offset}, at most {@code limit}. */
  public List<AlertTransition> history(Predicate<AlertTransition> filter, int offset, int limit) {
    Instant cutoff = clock.instant().minus(settings.settings().historyRetention());
    List<AlertTransition> page = new ArrayList<>();
    int skipped = 0;
    synchronized (log) {
      for (AlertTransition t : log) {
        if (t.at().isBefore(cutoff)) {
          break;
        }
        if (!filter.test(t)) {
          continue;
        }
        if (skipped++ < offset) {
          continue;
        }
        page.add(t);
        if (page.size() >= limit) {
          break;
        }
      }
    }
    return page;
  }

  /** Ends the active alerts that match: their rule changed or their agent was forgotten. */
  void endAll(Predicate<AlertKey> which, String why) {
    Instant now = clock.instant();
    for (Alert a : active()) {
      if (which.test(a.key())) {
        AlertState to = a.state() == AlertState.FIRING ? AlertState.RESOLVED : AlertState.INACTIVE;
        record(
            a.state(),
            new Alert(
                a.key(),
                to,
                a.severity(),
                a.value(),
                a.activeSince(),
                a.firingSince(),
                now,
                a.summary() + " (" + why + ")",
                a.labels()));
      }
    }
  }

  /** Drops log entries older than the retention, in memory and in the store. */
  void prune() {
    Instant cutoff = clock.instant().minus(settings.settings().historyRetention());
    synchronized (log) {
      while (!log.isEmpty() && log.peekLast().at().isBefore(cutoff)) {
        log.removeLast();
      }
    }
    store.pruneTransitions(cutoff);
  }
}
