package io.nodelink.metrics.agent.procfs;

import java.util.List;

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
    return parse(ProcText.of(lines));
  }

  /** Parses {@code /proc/meminfo} from the start of {@code text}. */
  public static MemInfo parse(ProcText text) {
    text.rewind();
    long total = 0;
    long free = 0;
    long available = -1;
    long buffers = 0;
    long cached = 0;
    long reclaimable = 0;
    long swapTotal = 0;
    long swapFree = 0;
    for (; text.hasMore(); text.nextLine()) {
      // Only the first letters are compared before the full name: most lines are not ours.
      switch (text.peek(0)) {
        case 'M' -> {
          if (text.startsWith("MemTotal:")) {
            total = value(text, 9);
          } else if (text.startsWith("MemFree:")) {
            free = value(text, 8);
          } else if (text.startsWith("MemAvailable:")) {
            available = value(text, 13);
          }
        }
        case 'B' -> {
          if (text.startsWith("Buffers:")) {
            buffers = value(text, 8);
          }
        }
        case 'C' -> {
          if (text.startsWith("Cached:")) {
            cached = value(text, 7);
          }
        }
        case 'S' -> {
          if (text.startsWith("SReclaimable:")) {
            reclaimable = value(text, 13);
          } else if (text.startsWith("SwapTotal:")) {
            swapTotal = value(text, 10);
          } else if (text.startsWith("SwapFree:")) {
            swapFree = value(text, 9);
          }
        }
        default -> {
          // not a field we report
        }
      }
    }
    cached += reclaimable;
    return new MemInfo(
        total,
        free,
        available < 0 ? free + buffers + cached : available,
        buffers,
        cached,
        swapTotal,
        swapFree);
  }

  /** The number after a field name of {@code nameLength} bytes, in bytes when given in kB. */
  private static long value(ProcText text, int nameLength) {
    text.skip(nameLength);
    long v = text.nextLong();
    if (v < 0) {
      return 0; // a line without a number carries nothing we report
    }
    return text.nextWordEquals("kB", ' ') ? v * 1024 : v;
  }
}
