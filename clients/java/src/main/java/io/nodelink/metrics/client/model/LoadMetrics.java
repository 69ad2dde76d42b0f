package io.nodelink.metrics.client.model;

/** Load averages of a {@link MetricsSnapshot}. */
public record LoadMetrics(double load1, double load5, double load15) {}
