package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.collect.Collector;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.collect.NameFilter;
import io.nodelink.metrics.agent.collect.Rates;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import oshi.hardware.NetworkIF;

/**
 * Per-interface traffic rates from OSHI's interface counters over the monotonic clock. The list of
 * interfaces is re-read every {@code refreshNanos}, the counters every sample. On Windows an
 * interface is reported under its alias ({@code Ethernet 2}, what {@code Get-NetAdapter} and the
 * original agent show), elsewhere under its name; the include/exclude patterns see both. OSHI has
 * no transmit drops: {@code drops_out} is 0 and named unavailable.
 */
public final class OshiNetworkCollector implements Collector {
  private static final List<String> UNAVAILABLE = List.of("network.drops_out");

  /** Cumulative counters of one interface. */
  private record Counters(long bytesSent, long bytesRecv, long packetsSent, long packetsRecv) {}

  private final Supplier<List<NetworkIF>> interfaces;
  private final NameFilter filter;
  private final HostPlatform platform;
  private final LongSupplier nanoClock;
  private final long refreshNanos;
  private List<NetworkIF> listed;
  private long listedNanos;
  private Map<String, Counters> previous = new HashMap<>();
  private long previousNanos;

  public OshiNetworkCollector(
      Supplier<List<NetworkIF>> interfaces,
      NameFilter filter,
      HostPlatform platform,
      LongSupplier nanoClock,
      long refreshNanos) {
    this.interfaces = interfaces;
    this.filter = filter;
    this.platform = platform;
    this.nanoClock = nanoClock;
    this.refreshNanos = refreshNanos;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.NETWORK;
  }

  @Override
  public void prime() {
    listed = null;
    collect(MetricsDataResponse.newBuilder());
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) {
    long now = nanoClock.getAsLong();
    if (listed == null || now - listedNanos >= refreshNanos) {
      listed = interfaces.get();
      listedNanos = now;
    }
    long elapsed = now - previousNanos;
    Map<String, Counters> current = new HashMap<>();
    for (NetworkIF nif : listed) {
      String name = reportedName(nif);
      if (!filter.accepts(name, nif.getName()) || !nif.updateAttributes()) {
        continue;
      }
      Counters cur =
          new Counters(
              nif.getBytesSent(), nif.getBytesRecv(), nif.getPacketsSent(), nif.getPacketsRecv());
      current.put(name, cur);
      NetworkMetrics.Builder m =
          NetworkMetrics.newBuilder()
              .setInterface(name)
              .setErrorsIn(nif.getInErrors())
              .setErrorsOut(nif.getOutErrors())
              .setDropsIn(nif.getInDrops());
      Counters prev = previous.get(name);
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

  @Override
  public List<String> unavailableFields() {
    return UNAVAILABLE;
  }

  private String reportedName(NetworkIF nif) {
    if (platform == HostPlatform.WINDOWS) {
      String alias = nif.getIfAlias();
      if (alias != null && !alias.isBlank()) {
        return alias;
      }
    }
    return nif.getName();
  }
}
