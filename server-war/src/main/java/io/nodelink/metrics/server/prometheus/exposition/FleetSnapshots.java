package io.nodelink.metrics.server.prometheus.exposition;

import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.Family;
import io.nodelink.metrics.server.prometheus.NodeExporterFamilies;
import io.nodelink.metrics.server.prometheus.Sample;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the samples of many agents into one Prometheus snapshot per family. Each sample carries
 * its agent's snapshot time, so Prometheus stores what the agent measured when, not when it
 * scraped. {@code nodelink_agent_up} has no time: it is the server's view now.
 */
final class FleetSnapshots {

  private final Map<Family, List<Timed>> byFamily = new LinkedHashMap<>();

  FleetSnapshots() {
    for (Family family : NodeExporterFamilies.ALL) {
      byFamily.put(family, new ArrayList<>());
    }
  }

  /** Adds an agent: its latest samples if it is connected, and whether it is up. */
  void add(String agentId, boolean connected, AgentSamples latest) {
    if (connected && latest != null) {
      for (Sample sample : latest.samples()) {
        byFamily.get(sample.family()).add(new Timed(sample, latest.timestampMillis()));
      }
    }
    byFamily
        .get(NodeExporterFamilies.AGENT_UP)
        .add(
            new Timed(
                new Sample(
                    NodeExporterFamilies.AGENT_UP,
                    Labels.of("instance", agentId, "agent_id", agentId),
                    connected ? 1 : 0),
                0));
  }

  /** The families that have samples, in {@link NodeExporterFamilies#ALL} order. */
  MetricSnapshots build() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    byFamily.forEach(
        (family, samples) -> {
          if (!samples.isEmpty()) {
            snapshots.add(snapshot(family, samples));
          }
        });
    return new MetricSnapshots(snapshots);
  }

  private MetricSnapshot snapshot(Family family, List<Timed> samples) {
    return switch (family.kind()) {
      case COUNTER -> counter(family, samples);
      case GAUGE -> gauge(family, samples);
      case INFO -> info(family, samples);
    };
  }

  private MetricSnapshot counter(Family family, List<Timed> samples) {
    CounterSnapshot.Builder b = CounterSnapshot.builder().name(family.name()).help(family.help());
    for (Timed t : samples) {
      Sample s = t.sample();
      b.dataPoint(new CounterDataPointSnapshot(s.value(), s.labels(), null, 0, t.millis()));
    }
    return b.build();
  }

  private MetricSnapshot gauge(Family family, List<Timed> samples) {
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help());
    for (Timed t : samples) {
      Sample s = t.sample();
      b.dataPoint(new GaugeDataPointSnapshot(s.value(), s.labels(), null, t.millis()));
    }
    return b.build();
  }

  private MetricSnapshot info(Family family, List<Timed> samples) {
    InfoSnapshot.Builder b = InfoSnapshot.builder().name(family.name()).help(family.help());
    for (Timed t : samples) {
      b.dataPoint(new InfoDataPointSnapshot(t.sample().labels(), t.millis()));
    }
    return b.build();
  }

  /** A sample and its time in milliseconds; 0 = none (the server's own view, now). */
  private record Timed(Sample sample, long millis) {}
}
