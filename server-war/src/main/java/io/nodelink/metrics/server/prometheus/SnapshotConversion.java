package io.nodelink.metrics.server.prometheus;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.ingest.MetricsReceived;
import io.nodelink.metrics.server.store.MetricsStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns each stored snapshot into {@link AgentSamples} off the ingest thread: the observers only
 * enqueue; one task at a time drains the queue on {@code concurrent/nodelinkPrometheusExecutor}, so
 * each agent's snapshots are converted (and its counters advanced) in arrival order. Results go to
 * {@link LatestSamples} and out as {@link SamplesConverted}.
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

  /** Far above what a drain falls behind by; beyond it snapshots are not converted. */
  static final int MAX_PENDING = 200_000;

  private final Queue<Job> jobs = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean overflowLogged = new AtomicBoolean();
  private final Map<String, AgentSeries> series = new HashMap<>();

  @Inject Clock clock;

  @Inject MetricsStore store;

  @Inject LatestSamples latest;

  @Inject Event<SamplesConverted> converted;

  private final ConversionDemand demand = new ConversionDemand();

  @Resource(lookup = "concurrent/nodelinkPrometheusExecutor")
  ManagedExecutorService executor;

  void onMetrics(@Observes MetricsReceived event) {
    if (!demand.active(clock.millis())) {
      return;
    }
    MetricsDataResponse snapshot = event.snapshot();
    long millis = event.buffered() ? snapshot.getTimestamp() * 1000 : clock.millis();
    enqueue(new Job(JobKind.CONVERT, event.agentId(), snapshot, millis));
  }

  /** Every snapshot is converted from now on: remote-write destinations need them all. */
  public void convertAlways() {
    demand.convertAlways();
  }

  /**
   * A scrape is starting. After a time without scrapes (and without remote-write), the conversion
   * starts again from each connected agent's latest snapshot, with counters at 0; this scrape
   * answers with what is converted by the time it reads.
   */
  public void scraped(Collection<String> connectedAgents) {
    long now = clock.millis();
    if (!demand.scraped(now)) {
      return;
    }
    for (String agentId : connectedAgents) {
      enqueue(new Job(JobKind.RESET, agentId, null, 0));
      store
          .latestMetrics(agentId)
          .ifPresent(snapshot -> enqueue(new Job(JobKind.CONVERT, agentId, snapshot, now)));
    }
  }

  void onConnected(@Observes AgentConnected event) {
    enqueue(new Job(JobKind.RESET, event.agentId(), null, 0));
  }

  void onForgotten(@Observes AgentForgotten event) {
    enqueue(new Job(JobKind.FORGET, event.agentId(), null, 0));
  }

  private void enqueue(Job job) {
    if (job.kind == JobKind.CONVERT && pending.get() >= MAX_PENDING) {
      if (overflowLogged.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING, "Prometheus conversion is {0} snapshots behind; skipping", MAX_PENDING);
      }
      return;
    }
    pending.incrementAndGet();
    jobs.add(job);
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (!draining.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      draining.set(false); // the application is stopping, or the next enqueue retries
    }
  }

  private void drain() {
    try {
      Job job;
      while ((job = jobs.poll()) != null) {
        pending.decrementAndGet();
        run(job);
      }
    } finally {
      draining.set(false);
    }
    if (!jobs.isEmpty()) {
      scheduleDrain(); // added after the last poll, before the flag dropped
    }
  }

  private void run(Job job) {
    switch (job.kind) {
      case CONVERT -> convert(job);
      case RESET -> {
        AgentSeries agent = series.get(job.agentId);
        if (agent != null) {
          agent.reset();
        }
      }
      case FORGET -> {
        series.remove(job.agentId);
        latest.remove(job.agentId);
      }
    }
  }

  private void convert(Job job) {
    try {
      AgentSamples samples =
          SnapshotMapper.map(
              job.agentId,
              job.millis,
              job.snapshot,
              store.systemInfo(job.agentId).orElse(null),
              series.computeIfAbsent(job.agentId, id -> new AgentSeries()));
      if (samples != null) {
        latest.put(samples);
        converted.fire(new SamplesConverted(samples));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not convert a snapshot of agent " + job.agentId, e);
    }
  }

  private enum JobKind {
    CONVERT,
    RESET,
    FORGET
  }

  private record Job(JobKind kind, String agentId, MetricsDataResponse snapshot, long millis) {}
}
