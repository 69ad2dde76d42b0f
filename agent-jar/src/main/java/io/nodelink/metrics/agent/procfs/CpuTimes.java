package io.nodelink.metrics.agent.procfs;

import java.util.Arrays;

/**
 * The CPU time counters of {@code /proc/stat}: the {@code cpu} line and one {@code cpuN} line per
 * online processor, in clock ticks, each as {@link #FIELDS} counters in the order user, nice,
 * system, idle, iowait, irq, softirq, steal (OSHI's {@code TickType} order; guest time is already
 * inside user and nice, so it is not read). A line with fewer counters leaves the rest 0.
 *
 * @param total the {@code cpu} line
 * @param perCpu the {@code cpuN} lines in file order
 */
public record CpuTimes(long[] total, long[][] perCpu) {

  /** Counters per line. */
  public static final int FIELDS = 8;

  /**
   * Parses the {@code cpu} lines at the start of {@code text}; stops at the first other line (the
   * kernel writes them first), so the long {@code intr} line is never scanned.
   */
  public static CpuTimes parse(ProcText text) {
    long[] total = new long[FIELDS];
    long[][] perCpu = new long[8][];
    int cpus = 0;
    text.rewind();
    for (; text.hasMore() && text.startsWith("cpu"); text.nextLine()) {
      boolean isTotal = text.peek(3) == ' ' || text.peek(3) == '\t';
      text.skipWord();
      long[] ticks = isTotal ? total : new long[FIELDS];
      for (int i = 0; i < FIELDS; i++) {
        long v = text.nextLong();
        if (v < 0) {
          break;
        }
        ticks[i] = v;
      }
      if (!isTotal) {
        if (cpus == perCpu.length) {
          perCpu = Arrays.copyOf(perCpu, cpus * 2);
        }
        perCpu[cpus++] = ticks;
      }
    }
    return new CpuTimes(total, Arrays.copyOf(perCpu, cpus));
  }
}
