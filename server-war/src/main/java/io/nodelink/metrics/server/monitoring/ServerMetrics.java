package io.nodelink.metrics.server.monitoring;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.pb.CollectionStats;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.ingest.MessageThrottled;
import io.nodelink.metrics.server.ingest.MetricsReceived;
import io.nodelink.metrics.server.ingest.SnapshotSanitized;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The server's own metrics on {@code /metrics} (admin port): agents connected, snapshots received,
 * history size, and what the agents report about their own collection (field 20 of their
 * snapshots). The SSE clients gauge and the ingest→SSE latency are registered by the SSE hub.
 */
@ApplicationScoped
public class ServerMetrics {

  @Inject MetricRegistry registry;

  @Inject AgentRegistry agents;

  @Inject HistoryStore history;

  private Counter snapshots;
  private Counter buffered;
  private Timer collectionDuration;
  private Counter failedCollectors;

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("nodelink.agents.connected")
            .withDescription("Agents with a live gRPC stream")
            .build(),
        agents,
        AgentRegistry::connectedCount);
    registry.gauge(
        Metadata.builder()
            .withName("nodelink.agents.known")
            .withDescription("Agents listed, online or offline")
            .build(),
        agents,
        AgentRegistry::size);
    registry.gauge(
        Metadata.builder()
            .withName("nodelink.history.size")
            .withDescription("Approximate bytes held by the metrics history")
            .withUnit(MetricUnits.BYTES)
            .build(),
        history,
        HistoryStore::sizeBytes);
    snapshots =
        registry.counter(
            Metadata.builder()
                .withName("nodelink.snapshots.received")
                .withDescription("Metrics snapshots received from agents")
                .build());
    buffered =
        registry.counter(
            Metadata.builder()
                .withName("nodelink.snapshots.buffered")
                .withDescription(
                    "Snapshots agents measured while disconnected and sent after reconnecting"
                        + " (also counted in nodelink.snapshots.received)")
                .build());
    collectionDuration =
        registry.timer(
            Metadata.builder()
                .withName("nodelink.agent.collection.duration")
                .withDescription("How long agents took to collect a snapshot (their own report)")
                .build());
    failedCollectors =
        registry.counter(
            Metadata.builder()
                .withName("nodelink.agent.collectors.failed")
                .withDescription("Collectors the agents reported as failed, summed over snapshots")
                .build());
  }

  /** Creates the bean (and registers the gauges) when the application starts. */
  void init(@Observes @Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object e) {
    // Observing is enough: the container instantiates the bean to deliver the event.
  }

  /** One count per sanitised message and cause; counters are registered on first use. */
  void onSanitized(@Observes SnapshotSanitized event) {
    registry
        .counter(
            Metadata.builder()
                .withName("nodelink.ingest.sanitized")
                .withDescription(
                    "Agent messages the server changed or dropped at ingest, by cause"
                        + " (non_finite, string, packages, list, timestamp)")
                .build(),
            new Tag("cause", event.cause().tag()))
        .inc();
  }

  /** One count per message dropped for exceeding a per-agent quota. */
  void onThrottled(@Observes MessageThrottled event) {
    registry
        .counter(
            Metadata.builder()
                .withName("nodelink.ingest.throttled")
                .withDescription(
                    "Agent messages dropped for exceeding a per-agent ingest quota, by quota"
                        + " (messages, bytes)")
                .build(),
            new Tag("quota", event.quota().tag()))
        .inc();
  }

  void onMetrics(@Observes MetricsReceived event) {
    snapshots.inc();
    if (event.buffered()) {
      buffered.inc();
    }
    if (event.snapshot().hasCollection()) {
      CollectionStats stats = event.snapshot().getCollection();
      collectionDuration.update(Duration.ofNanos((long) (stats.getDurationMs() * 1_000_000)));
      if (stats.getFailedCollectorsCount() > 0) {
        failedCollectors.inc(stats.getFailedCollectorsCount());
      }
    }
  }
}
