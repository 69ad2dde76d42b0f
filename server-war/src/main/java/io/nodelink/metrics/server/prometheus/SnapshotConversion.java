package io.nodelink.metrics.server.prometheus;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.ingest.MetricsReceived;
import io.nodelink.metrics.server.store.MetricsStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns each stored snapshot into {@link AgentSamples} where it is received (after the SSE clients
 * have been handed it), under the agent's lock, so each agent's snapshots are converted (and its
 * counters advanced) in arrival order. Results go to {@link LatestSamples} and out as {@link
 * SamplesConverted}.
 *
 * <p>Inline, not queued for one draining task: at thousands of agents a snapshot costs a few
 * microseconds here, and a single drain on the shared pool fell behind under load with up to
 * 200,000 whole snapshots waiting, which the collector then copied around.
 *
 * <p>Live samples carry the time the server received them, in milliseconds: the contract's
 * timestamps are whole seconds, too coarse to integrate 1 s rates or to keep two snapshots of one
 * second apart. A buffered snapshot (measured while the agent was away) carries its own time and is
 * converted only if newer than the agent's last one, so every series stays in time order. Counters
 * restart at 0 when an agent (re)connects: Prometheus sees a counter reset.
 */
@ApplicationScoped
public class SnapshotConversion {

  private static final Logger LOG = Logger.getLogger(SnapshotConversion.class.getName());

  private final Map<String, AgentSeries> series = new ConcurrentHashMap<>();
  private final AtomicLong failures = new AtomicLong();

  @Inject Clock clock;

  @Inject MetricsStore store;

  @Inject LatestSamples latest;

  @Inject Event<SamplesConverted> converted;

  private final ConversionDemand demand = new ConversionDemand();

  /** After the SSE hub's observer (default priority): live clients are not kept waiting. */
  void onMetrics(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 700) MetricsReceived event) {
    if (!demand.active(clock.millis())) {
      return;
    }
    MetricsDataResponse snapshot = event.snapshot();
    long millis = event.buffered() ? snapshot.getTimestamp() * 1000 : clock.millis();
    convert(event.agentId(), snapshot, millis);
  }

  /** Every snapshot is converted from now on: remote-write destinations need them all. */
  public void convertAlways() {
    demand.convertAlways();
  }

  /**
   * A scrape is starting. After a time without scrapes (and without remote-write), the conversion
   * starts again from each connected agent's latest snapshot, with counters at 0.
   */
  public void scraped(Collection<String> connectedAgents) {
    long now = clock.millis();
    if (!demand.scraped(now)) {
      return;
    }
    for (String agentId : connectedAgents) {
      reset(agentId);
      store.latestMetrics(agentId).ifPresent(snapshot -> convert(agentId, snapshot, now));
    }
  }

  void onConnected(@Observes AgentConnected event) {
    reset(event.agentId());
  }

  void onForgotten(@Observes AgentForgotten event) {
    series.remove(event.agentId());
    latest.remove(event.agentId());
  }

  private void reset(String agentId) {
    AgentSeries agent = series.get(agentId);
    if (agent != null) {
      synchronized (agent) {
        agent.reset();
      }
    }
  }

  private void convert(String agentId, MetricsDataResponse snapshot, long millis) {
    try {
      AgentSeries agent = series.computeIfAbsent(agentId, id -> new AgentSeries());
      // Under the lock up to the event, so a scrape's conversion and ingestion never hand an
      // agent's snapshots to remote-write out of time order.
      synchronized (agent) {
        AgentSamples samples =
            SnapshotMapper.map(
                agentId, millis, snapshot, store.systemInfo(agentId).orElse(null), agent);
        if (samples != null) {
          latest.put(samples);
          converted.fire(new SamplesConverted(samples));
        }
      }
    } catch (RuntimeException e) {
      if (failures.incrementAndGet() % 1000 == 1) {
        LOG.log(
            Level.WARNING,
            "Could not convert a snapshot of agent " + agentId + " (" + failures.get() + " so far)",
            e);
      }
    }
  }
}
