package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.NetDev;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.procfs.ProcText;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-interface traffic rates from {@code /proc/net/dev} deltas over the monotonic clock (one file
 * read instead of OSHI's eight sysfs reads per interface). Errors and drops are cumulative counts
 * since the interface came up. An interface seen for the first time reports rate 0 until it has an
 * interval; one that vanished is forgotten.
 */
public final class NetworkCollector implements Collector {
  private final ProcText netDev;
  private final NameFilter filter;
  // Interface names rarely change: one regex match per new name, not per name per sample.
  private final Map<String, Boolean> accepted = new HashMap<>();
  private final LongSupplier nanoClock;
  private Map<String, NetDev> previous = new HashMap<>();
  private long previousNanos;

  public NetworkCollector(ProcFs fs, NameFilter filter, LongSupplier nanoClock) {
    this.netDev = new ProcText(fs.proc("net/dev"), 4096);
    this.filter = filter;
    this.nanoClock = nanoClock;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.NETWORK;
  }

  @Override
  public void prime() throws Exception {
    previous = NetDev.parse(netDev.load());
    previousNanos = nanoClock.getAsLong();
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) throws Exception {
    Map<String, NetDev> current = NetDev.parse(netDev.load());
    long now = nanoClock.getAsLong();
    long elapsed = now - previousNanos;
    for (NetDev cur : current.values()) {
      if (!accepts(cur.name())) {
        continue;
      }
      NetDev prev = previous.get(cur.name());
      NetworkMetrics.Builder m =
          NetworkMetrics.newBuilder()
              .setInterface(cur.name())
              .setErrorsIn(cur.errorsIn())
              .setErrorsOut(cur.errorsOut())
              .setDropsIn(cur.dropsIn())
              .setDropsOut(cur.dropsOut());
      if (prev != null) {
        m.setBytesSentPerSec(Rates.perSecond(prev.bytesSent(), cur.bytesSent(), elapsed))
            .setBytesRecvPerSec(Rates.perSecond(prev.bytesRecv(), cur.bytesRecv(), elapsed))
            .setPacketsSentPerSec(Rates.perSecond(prev.packetsSent(), cur.packetsSent(), elapsed))
            .setPacketsRecvPerSec(Rates.perSecond(prev.packetsRecv(), cur.packetsRecv(), elapsed));
      }
      out.addNetworkInterfaces(m);
    }
    previous = current;
    previousNanos = now;
  }

  private boolean accepts(String name) {
    Boolean ok = accepted.get(name);
    if (ok == null) {
      if (accepted.size() > 1024) {
        accepted.clear(); // interfaces that come and go (containers) must not grow it forever
      }
      ok = filter.accepts(name);
      accepted.put(name, ok);
    }
    return ok;
  }
}
