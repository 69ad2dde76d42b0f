package io.nodelink.metrics.server.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The label set of one series, one instance for as long as an agent's snapshots carry the series,
 * with the form an exporter derives from it kept beside it: remote-write encodes a series' labels
 * once instead of at every sample, and what it keeps goes when the series does (a cache keyed by
 * label set kept the labels of series long gone).
 */
public final class SeriesLabels {

  private final Labels labels;
  private volatile Object exported;

  public SeriesLabels(Labels labels) {
    this.labels = labels;
  }

  public Labels labels() {
    return labels;
  }

  /** What an exporter kept of these labels as a {@code type}, or null if it kept none yet. */
  public <T> T exported(Class<T> type) {
    Object kept = exported;
    return type.isInstance(kept) ? type.cast(kept) : null;
  }

  /**
   * Keeps what an exporter derived from these labels. Threads that race to derive it derive the
   * same thing, and one of them is kept.
   */
  public void export(Object derived) {
    exported = derived;
  }
}
