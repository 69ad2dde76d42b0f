package io.nodelink.metrics.bench.history;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import java.util.Set;

/**
 * One agent with 30 series of 1 s data over 24 h; the compact store maintained every 5 min as the
 * server's timer would (30 min raw, the rest in 1 min buckets).
 */
final class QueryFixture {

  static final Set<String> QUERIED =
      Set.of("cpu.usage_percent", "memory.used_bytes", "network.bytes_recv_per_sec");

  final HistoryStore store;
  final long now;

  QueryFixture(String engine) {
    store = Stores.create(engine);
    HostMetrics host = new HostMetrics(HostMetrics.agentSeries(), 7, Stores.T0);
    String[] names = host.names();
    long t = Stores.T0;
    long nextMaintenance = t + 300;
    while (t < Stores.T0 + 86_400) {
      t = host.next();
      for (int s = 0; s < names.length; s++) {
        store.append("agent", names[s], t, host.value(s));
      }
      if (store instanceof CompactHistoryStore compact && t >= nextMaintenance) {
        compact.maintain(t);
        nextMaintenance = t + 300;
      }
    }
    if (store instanceof CompactHistoryStore compact) {
      compact.maintain(t);
    }
    now = t;
  }

  /** 3 series, the last {@code rangeSeconds}, at most 300 points, raw interval requested. */
  RangeQuery query(long rangeSeconds) {
    return new RangeQuery(QUERIED, now - rangeSeconds, now, 0, 300, Aggregation.AVG);
  }
}
