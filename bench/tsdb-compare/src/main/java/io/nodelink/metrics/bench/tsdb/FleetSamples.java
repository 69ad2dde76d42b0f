package io.nodelink.metrics.bench.tsdb;

import io.nodelink.metrics.bench.store.Fleet;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.Family;
import io.nodelink.metrics.server.prometheus.Sample;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * The store benchmark's fleet as remote-write samples: each of a host's series one gauge, {@code
 * nodelink_} and its name with dots as underscores, labelled {@code instance} and {@code agent_id}
 * as the server labels its series. The values are the store's, not node_exporter's counters rebuilt
 * from rates, so that every store gets the same numbers.
 */
final class FleetSamples {

  private final Fleet fleet;
  private final Family[] families;
  private final Labels[] labels;

  FleetSamples(Fleet fleet) {
    this.fleet = fleet;
    String[] names = fleet.seriesNames();
    families = new Family[names.length];
    for (int s = 0; s < names.length; s++) {
      families[s] = new Family(metricName(names[s]), Family.Kind.GAUGE, names[s]);
    }
    labels = new Labels[fleet.size()];
    for (int a = 0; a < labels.length; a++) {
      labels[a] = Labels.of("agent_id", fleet.agentId(a), "instance", fleet.agentId(a));
    }
  }

  static String metricName(String seriesName) {
    return "nodelink_" + seriesName.replace('.', '_');
  }

  int agents() {
    return fleet.size();
  }

  int seriesPerAgent() {
    return families.length;
  }

  /** The next snapshot of {@code agent}, taken at {@code second}; null when it skips it. */
  AgentSamples next(int agent, long second) {
    SeriesBatch batch = fleet.next(agent);
    if (batch == null) {
      return null;
    }
    List<Sample> samples = new ArrayList<>(batch.size());
    for (int s = 0; s < batch.size(); s++) {
      samples.add(new Sample(families[s], labels[agent], batch.value(s)));
    }
    return new AgentSamples(fleet.agentId(agent), second * 1000, samples);
  }
}
