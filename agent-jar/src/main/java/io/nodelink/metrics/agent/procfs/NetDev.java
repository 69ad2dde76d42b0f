package io.nodelink.metrics.agent.procfs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cumulative counters of one network interface from {@code /proc/net/dev}.
 *
 * @param name interface name
 * @param bytesRecv received bytes
 * @param packetsRecv received packets
 * @param errorsIn receive errors
 * @param dropsIn receive drops
 * @param bytesSent transmitted bytes
 * @param packetsSent transmitted packets
 * @param errorsOut transmit errors
 * @param dropsOut transmit drops
 */
public record NetDev(
    String name,
    long bytesRecv,
    long packetsRecv,
    long errorsIn,
    long dropsIn,
    long bytesSent,
    long packetsSent,
    long errorsOut,
    long dropsOut) {

  /** Parses {@code /proc/net/dev}, keyed by interface name; the two header lines are skipped. */
  public static Map<String, NetDev> parse(List<String> lines) {
    Map<String, NetDev> devs = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0 || line.contains("|")) {
        continue;
      }
      String[] f = Fields.split(line.substring(colon + 1));
      if (f.length < 12) {
        continue;
      }
      try {
        String name = line.substring(0, colon).trim();
        devs.put(
            name,
            new NetDev(
                name,
                Long.parseLong(f[0]),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[8]),
                Long.parseLong(f[9]),
                Long.parseLong(f[10]),
                Long.parseLong(f[11])));
      } catch (NumberFormatException e) {
        // Skip a malformed line; the other interfaces still report.
      }
    }
    return devs;
  }
}
