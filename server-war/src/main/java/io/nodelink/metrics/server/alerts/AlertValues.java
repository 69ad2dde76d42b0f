package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.Arrays;

/**
 * The values rules are evaluated on: a snapshot's history series as the store extracted them (one
 * extraction per snapshot, one set of name caches), then {@value #LOAD1_PER_CORE}, which no single
 * series holds but the default pack needs (load relative to the host's size). A view: the batch
 * stays the store's and is not changed.
 */
final class AlertValues {

  static final String LOAD1_PER_CORE = "load.load1_per_core";

  private final SeriesBatch series;
  private final int size;
  private final double load1PerCore;

  /** The series alone, nothing derived. */
  AlertValues(SeriesBatch series) {
    this(series, Double.NaN);
  }

  private AlertValues(SeriesBatch series, double load1PerCore) {
    this.series = series;
    this.load1PerCore = load1PerCore;
    this.size = series.size() + (Double.isNaN(load1PerCore) ? 0 : 1);
  }

  /** The series of {@code snapshot} ({@code series}) and those derived from the snapshot. */
  static AlertValues of(MetricsDataResponse snapshot, SeriesBatch series) {
    int cores = snapshot.hasCpu() ? snapshot.getCpu().getCoreUsageCount() : 0;
    boolean perCore = snapshot.hasLoad() && cores > 0;
    return new AlertValues(series, perCore ? snapshot.getLoad().getLoad1() / cores : Double.NaN);
  }

  int size() {
    return size;
  }

  String name(int index) {
    return index < series.size() ? series.name(index) : LOAD1_PER_CORE;
  }

  double value(int index) {
    return index < series.size() ? series.value(index) : load1PerCore;
  }

  /** The names, in order. */
  String[] namesCopy() {
    String[] names = Arrays.copyOf(series.namesCopy(), size);
    for (int i = series.size(); i < size; i++) {
      names[i] = name(i);
    }
    return names;
  }
}
