package io.nodelink.metrics.bench.store;

import io.nodelink.metrics.bench.history.HostMetrics;
import io.nodelink.metrics.bench.history.SeriesKind;
import io.nodelink.metrics.history.SeriesBatch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Simulated hosts, all reporting at the same seconds, with the history benchmark's value
 * generators: 40 series each (the history benchmark's 30 plus more cores, a second disk and network
 * interface, threads). A host that skipped a second in its generator reports nothing in that
 * second, as an agent that missed a sample. Public for the TSDB comparison, which sends the same
 * fleet to Prometheus and VictoriaMetrics.
 */
public final class Fleet {

  private final String[] agentIds;
  private final HostMetrics[] hosts;
  private final long[] lastGenerated;

  public Fleet(String prefix, int agents, boolean fullPrecision, long startSeconds) {
    Map<String, SeriesKind> series = series(fullPrecision);
    agentIds = new String[agents];
    hosts = new HostMetrics[agents];
    lastGenerated = new long[agents];
    for (int i = 0; i < agents; i++) {
      agentIds[i] = String.format("%s-%05d", prefix, i);
      hosts[i] = new HostMetrics(series, 1000L + i, startSeconds);
      lastGenerated[i] = startSeconds;
    }
  }

  /** The series of one host; with {@code fullPrecision} percentages are not rounded. */
  static Map<String, SeriesKind> series(boolean fullPrecision) {
    Map<String, SeriesKind> series = new LinkedHashMap<>(HostMetrics.agentSeries());
    for (int core = 4; core < 8; core++) {
      series.put("cpu.core" + core + ".usage_percent", SeriesKind.PERCENT_ONE_DECIMAL);
    }
    series.put("disk.sda2.usage_percent", SeriesKind.PERCENT_ONE_DECIMAL);
    series.put("disk.sda1.read_bytes_per_sec", SeriesKind.RATE_MOSTLY_ZERO);
    series.put("disk.sda1.write_bytes_per_sec", SeriesKind.RATE_MOSTLY_ZERO);
    series.put("network.eth1.bytes_sent_per_sec", SeriesKind.RATE);
    series.put("network.eth1.bytes_recv_per_sec", SeriesKind.RATE);
    series.put("processes.threads", SeriesKind.COUNT);
    if (fullPrecision) {
      series.replaceAll(
          (name, kind) ->
              kind == SeriesKind.PERCENT_ONE_DECIMAL ? SeriesKind.PERCENT_FULL_PRECISION : kind);
    }
    return series;
  }

  public int size() {
    return agentIds.length;
  }

  public String agentId(int agent) {
    return agentIds[agent];
  }

  public int seriesPerAgent() {
    return hosts[0].names().length;
  }

  /** Names of the series, in batch order. */
  public String[] seriesNames() {
    return hosts[0].names();
  }

  /** The next snapshot of one host, or null if it skips this second. */
  public SeriesBatch next(int agent) {
    HostMetrics host = hosts[agent];
    long generated = host.next();
    boolean skipped = generated - lastGenerated[agent] > 1;
    lastGenerated[agent] = generated;
    if (skipped) {
      return null;
    }
    String[] names = host.names();
    SeriesBatch batch = new SeriesBatch(names.length);
    for (int s = 0; s < names.length; s++) {
      batch.add(names[s], host.value(s));
    }
    return batch;
  }
}
