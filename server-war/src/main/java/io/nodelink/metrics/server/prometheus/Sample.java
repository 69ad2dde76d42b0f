package io.nodelink.metrics.server.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;

/**
 * One value of one series.
 *
 * @param family the metric family
 * @param series every label but the metric name, {@code instance} and {@code agent_id} included;
 *     the same instance for every sample of the series while the agent's snapshots carry it
 * @param value the value (1 for an info sample)
 */
public record Sample(Family family, SeriesLabels series, double value) {

  /** A sample of a series of its own (not one of an agent's converted snapshots). */
  public Sample(Family family, Labels labels, double value) {
    this(family, new SeriesLabels(labels), value);
  }

  public Labels labels() {
    return series.labels();
  }
}
