package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.ingest.MetricsReceived;
import io.nodelink.metrics.server.streaming.StreamingControl;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates the rules: each live snapshot where it is received, after the SSE clients have been
 * given it (observer priority), under its agent's lock; no-data rules, the log's retention and
 * expired silences on a tick of the managed scheduler ({@code nodelink.alerts.tick}).
 *
 * <p>Inline, not a task per snapshot: with its plan kept ({@link AgentAlerts}) a snapshot's
 * evaluation costs a few microseconds, less than handing it to a managed executor did, and what it
 * writes (transitions) is queued for the database, never waited for.
 */
@ApplicationScoped
public class AlertEvaluator {

  private static final Logger LOG = Logger.getLogger(AlertEvaluator.class.getName());

  private static final long PRUNE_EVERY_TICKS = 720;

  private final Map<String, Agent> agents = new ConcurrentHashMap<>();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong ticks = new AtomicLong();

  @Inject AlertRules rules;

  @Inject AlertBook book;

  @Inject Silences silences;

  @Inject AgentRegistry registry;

  @Inject StreamingControl streaming;

  @Inject AlertScope scope;

  @Inject Clock clock;

  @Inject AlertSettingsProducer settings;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> tick;
  private volatile boolean enabled = true;

  /**
   * One agent's alerts (their lock guards every evaluation), when it last sent data, and whether
   * its alert state was taken up from the store (in a cluster, where it may come from another
   * server; always true for a server alone).
   */
  private record Agent(AgentAlerts alerts, AtomicLong lastDataMillis, boolean takenUp) {}

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    rules.all(); // the rules (and the rules file's watch) from the start, not the first snapshot
    AlertSettings s = settings.settings();
    enabled = s.enabled();
    if (!enabled) {
      LOG.log(Level.INFO, "Alerting is off (nodelink.alerts.enabled=false)");
      return;
    }
    long period = s.tick().toMillis();
    synchronized (this) {
      tick = scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (tick != null) {
      tick.cancel(false);
    }
  }

  /** After the SSE hub's observer (default priority): live clients are not kept waiting. */
  void onMetrics(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 600) MetricsReceived event) {
    if (!enabled) {
      return;
    }
    Agent agent = agent(event.agentId());
    if (!agent.takenUp()) {
      agent = takeUp(event.agentId());
    }
    agent.lastDataMillis().set(clock.millis());
    if (event.buffered()) {
      return; // measured while the agent was away: history, not a live condition
    }
    Instant now = clock.instant();
    long timestamp = event.snapshot().getTimestamp();
    List<CompiledRule> inForce = rules.compiled();
    if (inForce.isEmpty()) {
      return;
    }
    AlertValues values = AlertValues.of(event.snapshot(), event.series());
    run(agent, a -> a.evaluate(values, timestamp, inForce, now));
  }

  void onRulesChanged(@Observes AlertRulesChanged event) {
    book.endAll(key -> event.names().contains(key.rule()), "rule changed");
    agents.values().forEach(a -> run(a, alerts -> alerts.forget(event.names())));
  }

  void onForgotten(@Observes AgentForgotten event) {
    agents.remove(event.agentId());
    book.endAll(key -> key.agentId().equals(event.agentId()), "agent forgotten");
  }

  void tick() {
    try {
      Instant now = clock.instant();
      Set<String> here = scope.shared() ? followAgents() : null;
      List<CompiledRule> noData =
          rules.compiled().stream().filter(r -> AlertRule.NO_DATA.equals(r.rule().type())).toList();
      long shortest = noData.stream().mapToLong(r -> r.rule().forSeconds()).min().orElse(0);
      for (AgentState state : noData.isEmpty() ? List.<AgentState>of() : registry.unordered()) {
        if (here != null && !here.contains(state.agentId())) {
          continue; // another server evaluates it
        }
        Agent agent = agent(state.agentId());
        if (sentDataWithin(state, agent, now, shortest) && !agent.alerts().noDataActive()) {
          continue; // the usual agent: no no-data rule can change state
        }
        Duration silent = silentFor(state, agent, now);
        run(agent, a -> a.checkNoData(noData, silent, now));
      }
      silences.expire();
      if (ticks.incrementAndGet() % PRUNE_EVERY_TICKS == 1) {
        book.prune();
      }
    } catch (RuntimeException e) {
      // Never let one failure cancel the periodic task.
      LOG.log(Level.WARNING, "Alert tick failed", e);
    }
  }

  /**
   * Connected and sent data less than {@code seconds} ago on this stream: then it is silent for
   * less than that, whatever {@link #silentFor} would find, without asking the streaming state.
   */
  private static boolean sentDataWithin(AgentState state, Agent agent, Instant now, long seconds) {
    long lastData = agent.lastDataMillis().get();
    return state.connected()
        && lastData > 0
        && (state.connectedAt() == null || lastData >= state.connectedAt().toEpochMilli())
        && now.toEpochMilli() - lastData < seconds * 1000;
  }

  /**
   * How long the agent has been silent: offline since it was last seen, or connected and streaming
   * (its collection interval above 0) without data since its last snapshot or its connect. A
   * connected agent nobody asks to stream is not silent.
   */
  private Duration silentFor(AgentState state, Agent agent, Instant now) {
    if (!state.connected()) {
      Instant last = state.lastSeen() != null ? state.lastSeen() : state.disconnectedAt();
      return last == null ? Duration.ZERO : Duration.between(last, now);
    }
    if (streaming.status(state.agentId()).collectionIntervalSeconds() <= 0) {
      return Duration.ZERO;
    }
    long lastData = agent.lastDataMillis().get();
    Instant since = lastData > 0 ? Instant.ofEpochMilli(lastData) : state.connectedAt();
    if (since == null || (state.connectedAt() != null && since.isBefore(state.connectedAt()))) {
      since = state.connectedAt();
    }
    return since == null ? Duration.ZERO : Duration.between(since, now);
  }

  private Agent agent(String agentId) {
    Agent known = agents.get(agentId); // the usual case, without computeIfAbsent's bin lock
    return known != null
        ? known
        : agents.computeIfAbsent(
            agentId, id -> new Agent(new AgentAlerts(id, book), new AtomicLong(), !scope.shared()));
  }

  /**
   * In a cluster: takes up the agents this server evaluates now (their alert state from the store)
   * and lets go of those another server evaluates; returns the agents evaluated here.
   */
  private Set<String> followAgents() {
    Set<String> here = new HashSet<>();
    for (AgentState state : registry.unordered()) {
      if (scope.evaluatesHere(state)) {
        here.add(state.agentId());
        Agent agent = agents.get(state.agentId());
        if (agent == null || !agent.takenUp()) {
          takeUp(state.agentId());
        }
      } else {
        agents.remove(state.agentId());
      }
    }
    book.keepOnly(here::contains);
    return here;
  }

  /** New trackers from the agent's alert state in the store, once per stint on this server. */
  private Agent takeUp(String agentId) {
    return agents.compute(
        agentId,
        (id, old) -> {
          if (old != null && old.takenUp()) {
            return old;
          }
          book.takeUp(id);
          AtomicLong lastData = old == null ? new AtomicLong() : old.lastDataMillis();
          return new Agent(new AgentAlerts(id, book), lastData, true);
        });
  }

  /** Runs {@code work} on the agent's alerts under their lock; a failure is logged, not thrown. */
  private void run(Agent agent, Consumer<AgentAlerts> work) {
    try {
      synchronized (agent.alerts()) {
        work.accept(agent.alerts());
      }
    } catch (RuntimeException e) {
      if (failures.incrementAndGet() % 1000 == 1) {
        LOG.log(Level.WARNING, "Alert evaluation failed (" + failures.get() + " so far)", e);
      }
    }
  }
}
