package io.nodelink.metrics.bench.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process and its children from /proc (Linux), for the database server's share. */
public final class ProcessCpu {

  /** Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on Linux). */
  private static final long TICKS_PER_SECOND = 100;

  private ProcessCpu() {}

  /**
   * User + system time of the process whose pid is the first line of {@code pidFile}, of its exited
   * children (which the kernel adds to it) and of its live children; 0 if unknown.
   */
  static long treeNanos(Path pidFile) {
    try {
      return treeNanos(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The same for the process {@code parent} (a child process of another benchmark). */
  public static long treeNanos(long parent) {
    try {
      long ticks = 0;
      try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        for (Path proc : procs) {
          String[] f = fields(proc);
          if (f == null) {
            continue;
          }
          long pid = Long.parseLong(proc.getFileName().toString());
          if (pid == parent) {
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
          } else if (Long.parseLong(f[1]) == parent) {
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        }
      }
      return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The fields after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
  private static String[] fields(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
