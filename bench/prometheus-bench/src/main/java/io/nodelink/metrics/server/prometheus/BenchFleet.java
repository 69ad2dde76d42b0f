package io.nodelink.metrics.server.prometheus;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;

/**
 * The server's snapshot conversion ({@link SnapshotMapper} with one {@link AgentSeries} per agent)
 * for the benchmarks, which live outside the server: this class sits in the conversion's package
 * because both are package-private there, so the benchmarks measure the server's code.
 */
public final class BenchFleet {

  private final AgentSeries[] series;

  public BenchFleet(int agents) {
    series = new AgentSeries[agents];
    for (int i = 0; i < agents; i++) {
      series[i] = new AgentSeries();
    }
  }

  /** Converts agent {@code index}'s snapshot taken at {@code millis}, as the server does. */
  public AgentSamples convert(
      int index,
      String agentId,
      long millis,
      MetricsDataResponse snapshot,
      SystemInfoResponse info) {
    return SnapshotMapper.map(agentId, millis, snapshot, info, series[index]);
  }
}
