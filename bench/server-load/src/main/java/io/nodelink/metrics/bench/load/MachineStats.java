package io.nodelink.metrics.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole machine's view from {@code /proc}: CPU busy time and load average. */
final class MachineStats {
  private MachineStats() {}

  /** Busy and total jiffies of all CPUs so far (idle and iowait count as not busy). */
  static long[] cpuJiffies() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** The 1-minute load average. */
  static double load1() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
