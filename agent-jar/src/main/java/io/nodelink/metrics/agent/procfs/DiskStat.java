package io.nodelink.metrics.agent.procfs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cumulative counters of one block device from {@code /proc/diskstats}.
 *
 * @param major device major number
 * @param minor device minor number
 * @param name kernel name, e.g. {@code sda1}, {@code dm-0}
 * @param reads completed reads
 * @param readBytes bytes read (sectors are always 512 bytes in this file)
 * @param writes completed writes
 * @param writeBytes bytes written
 * @param ioMillis milliseconds the device had I/O in flight (busy time, for utilisation)
 */
public record DiskStat(
    int major,
    int minor,
    String name,
    long reads,
    long readBytes,
    long writes,
    long writeBytes,
    long ioMillis) {

  private static final long SECTOR = 512;

  /** Parses {@code /proc/diskstats} lines, keyed by device name; malformed lines are skipped. */
  public static Map<String, DiskStat> parse(List<String> lines) {
    return parse(ProcText.of(lines));
  }

  /** Parses {@code /proc/diskstats} from the start of {@code text}; malformed lines are skipped. */
  public static Map<String, DiskStat> parse(ProcText text) {
    Map<String, DiskStat> stats = new LinkedHashMap<>();
    // Fields 4 to 14 of a line (reads ... io_ticks); older kernels have exactly these.
    long[] f = new long[11];
    text.rewind();
    for (; text.hasMore(); text.nextLine()) {
      long major = text.nextLong();
      long minor = text.nextLong();
      String name = text.nextWord(' ');
      boolean complete = major >= 0 && minor >= 0 && !name.isEmpty();
      for (int i = 0; i < f.length && complete; i++) {
        f[i] = text.nextLong();
        complete = f[i] >= 0;
      }
      if (complete) {
        stats.put(
            name,
            new DiskStat(
                (int) major, (int) minor, name, f[0], f[2] * SECTOR, f[4], f[6] * SECTOR, f[9]));
      }
    }
    return stats;
  }
}
