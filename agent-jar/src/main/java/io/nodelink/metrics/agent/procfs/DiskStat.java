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
    Map<String, DiskStat> stats = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = Fields.split(line);
      if (f.length < 14) {
        continue;
      }
      try {
        DiskStat stat =
            new DiskStat(
                Integer.parseInt(f[0]),
                Integer.parseInt(f[1]),
                f[2],
                Long.parseLong(f[3]),
                Long.parseLong(f[5]) * SECTOR,
                Long.parseLong(f[7]),
                Long.parseLong(f[9]) * SECTOR,
                Long.parseLong(f[12]));
        stats.put(stat.name(), stat);
      } catch (NumberFormatException e) {
        // Skip a line we do not understand rather than fail the whole disk group.
      }
    }
    return stats;
  }
}
