package io.nodelink.metrics.agent.procfs;

import java.nio.charset.StandardCharsets;

/**
 * The fields of {@code /proc/[pid]/stat} the agent uses.
 *
 * @param pid process id
 * @param comm kernel process name (at most 15 characters)
 * @param state state letter: R running, S sleeping, D disk sleep, I idle, Z zombie, T stopped
 * @param cpuTicks user + system time in clock ticks ({@link #USER_HZ} per second)
 * @param threads number of threads
 * @param startTicks start time after boot in clock ticks (identifies a pid across reuse)
 * @param virtualBytes virtual memory size in bytes
 * @param rssPages resident set size in pages
 */
public record PidStat(
    int pid,
    String comm,
    char state,
    long cpuTicks,
    int threads,
    long startTicks,
    long virtualBytes,
    long rssPages) {

  /**
   * Clock ticks per second of the times in {@code /proc}: USER_HZ, fixed at 100 by the kernel ABI
   * on every architecture Linux exposes to user space through procfs.
   */
  public static final int USER_HZ = 100;

  /**
   * The state letter of a stat line held in {@code buf[0..len)}, or 0 when malformed. Scans back
   * from the end for the last ')' because the name may itself contain parentheses or spaces; no
   * later field can contain one.
   */
  public static char stateOf(byte[] buf, int len) {
    for (int i = len - 1; i > 0; i--) {
      if (buf[i] == ')') {
        return i + 2 < len ? (char) buf[i + 2] : 0;
      }
    }
    return 0;
  }

  /** Parses a whole stat line; returns null when malformed. */
  public static PidStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open <= 0 || close < open || close + 2 >= line.length()) {
      return null;
    }
    String[] f = Fields.split(line.substring(close + 2));
    // f[0] is field 3 (state); field n of proc(5) is f[n - 3].
    if (f.length < 22) {
      return null;
    }
    try {
      return new PidStat(
          Integer.parseInt(line.substring(0, open).trim()),
          line.substring(open + 1, close),
          f[0].charAt(0),
          Long.parseLong(f[11]) + Long.parseLong(f[12]),
          Integer.parseInt(f[17]),
          Long.parseLong(f[19]),
          Long.parseLong(f[20]),
          Long.parseLong(f[21]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses the first {@code len} bytes of {@code buf} as a stat line. */
  public static PidStat parse(byte[] buf, int len) {
    return parse(new String(buf, 0, len, StandardCharsets.US_ASCII));
  }
}
