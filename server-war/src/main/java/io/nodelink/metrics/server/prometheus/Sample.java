package io.nodelink.metrics.server.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;

/**
 * One value of one series.
 *
 * @param family the metric family
 * @param labels every label but the metric name, {@code instance} and {@code agent_id} included
 * @param value the value (1 for an info sample)
 */
public record Sample(Family family, Labels labels, double value) {}
