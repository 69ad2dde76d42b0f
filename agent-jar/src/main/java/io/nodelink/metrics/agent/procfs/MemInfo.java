package io.nodelink.metrics.agent.procfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of {@code /proc/meminfo} that the agent reports, in bytes. Missing fields are 0.
 *
 * @param total MemTotal
 * @param free MemFree
 * @param available MemAvailable (falls back to free + buffers + cached on very old kernels)
 * @param buffers Buffers
 * @param cached page cache plus reclaimable slab (Cached + SReclaimable), as {@code free} shows
 * @param swapTotal SwapTotal
 * @param swapFree SwapFree
 */
public record MemInfo(
    long total,
    long free,
    long available,
    long buffers,
    long cached,
    long swapTotal,
    long swapFree) {

  /** Used memory as {@code free(1)} and gopsutil compute it: total - free - buffers - cached. */
  public long used() {
    long used = total - free - buffers - cached;
    return used < 0 ? total - free : used;
  }

  /** Parses the lines of {@code /proc/meminfo} ({@code Name: 123 kB}). */
  public static MemInfo parse(List<String> lines) {
    Map<String, Long> values = new HashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String[] parts = Fields.split(line.substring(colon + 1));
      if (parts.length == 0) {
        continue;
      }
      try {
        long value = Long.parseLong(parts[0]);
        boolean kib = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
        values.put(line.substring(0, colon), kib ? value * 1024 : value);
      } catch (NumberFormatException e) {
        // A line without a number carries nothing we report.
      }
    }
    long free = values.getOrDefault("MemFree", 0L);
    long buffers = values.getOrDefault("Buffers", 0L);
    long cached = values.getOrDefault("Cached", 0L) + values.getOrDefault("SReclaimable", 0L);
    long available = values.getOrDefault("MemAvailable", free + buffers + cached);
    return new MemInfo(
        values.getOrDefault("MemTotal", 0L),
        free,
        available,
        buffers,
        cached,
        values.getOrDefault("SwapTotal", 0L),
        values.getOrDefault("SwapFree", 0L));
  }
}
