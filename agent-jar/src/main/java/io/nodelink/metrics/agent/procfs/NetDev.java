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
    return parse(ProcText.of(lines));
  }

  /** Parses {@code /proc/net/dev} from the start of {@code text}; malformed lines are skipped. */
  public static Map<String, NetDev> parse(ProcText text) {
    Map<String, NetDev> devs = new LinkedHashMap<>();
    long[] f = new long[12];
    text.rewind();
    for (; text.hasMore(); text.nextLine()) {
      // The header lines have no colon; an interface line is "name: 16 counters".
      String name = text.nextWord(':');
      if (name.isEmpty() || text.peek(0) != ':') {
        continue;
      }
      text.skip(1);
      boolean complete = true;
      for (int i = 0; i < f.length && complete; i++) {
        f[i] = text.nextLong();
        complete = f[i] >= 0;
      }
      if (complete) {
        devs.put(name, new NetDev(name, f[0], f[1], f[2], f[3], f[8], f[9], f[10], f[11]));
      }
    }
    return devs;
  }
}
