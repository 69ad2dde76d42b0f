package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.PidStat;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.procfs.ProcessStates;
import io.nodelink.metrics.agent.procfs.ProcessTable;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Process counts by state and the tracked processes of the configured rules.
 *
 * <p>Counting states means reading {@code /proc/[pid]/stat} of every process, which costs the
 * kernel about 13 µs per process — the largest part of a snapshot. So the full walk (which also
 * finds the processes matching each rule) runs at most every {@code scanNanos}; between walks the
 * counts are those of the last walk, and only the matched processes are re-read, so tracked
 * processes still get fresh CPU, memory and I/O every sample.
 *
 * <p>A rule's entry sums all its matching processes (CPU % of one core, RSS, virtual size, threads,
 * cumulative I/O bytes) under the pid of the oldest; a rule that matches nothing reports pid 0 and
 * zeros, so a service that went down stays visible.
 */
public final class ProcessCollector implements Collector {

  /** What the walk remembers of a process: name and command line, to match rules cheaply. */
  private record Seen(String comm, String cmdline, long startTicks) {}

  /** A process matched by a rule: the pid and its start time (to notice pid reuse). */
  private record Match(int pid, long startTicks) {}

  private final ProcFs fs;
  private final ProcessTable table;
  private final List<TrackRule> rules;
  private final long pageSize;
  private final LongSupplier nanoClock;
  private final long scanNanos;
  private Map<Integer, Seen> seen = new HashMap<>();
  private List<List<Match>> matches = new ArrayList<>();
  private ProcessStates states;
  private long lastScan;
  private Map<Integer, long[]> previousCpu = new HashMap<>();
  private long previousNanos;

  /**
   * @param fs procfs
   * @param rules tracked-process rules
   * @param pageSize bytes per page (for RSS)
   * @param nanoClock monotonic clock
   * @param scanNanos minimum time between full process walks (0 = every sample)
   */
  public ProcessCollector(
      ProcFs fs, List<TrackRule> rules, long pageSize, LongSupplier nanoClock, long scanNanos) {
    this.fs = fs;
    this.table = new ProcessTable(fs);
    this.rules = List.copyOf(rules);
    this.pageSize = pageSize;
    this.nanoClock = nanoClock;
    this.scanNanos = scanNanos;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.PROCESSES;
  }

  @Override
  public void prime() throws IOException {
    states = null; // walk afresh on the next sample
    if (!rules.isEmpty()) {
      collect(MetricsDataResponse.newBuilder());
    }
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) throws IOException {
    long now = nanoClock.getAsLong();
    if (states == null || now - lastScan >= scanNanos) {
      scan();
      lastScan = now;
    }
    ProcessMetrics.Builder m =
        ProcessMetrics.newBuilder()
            .setTotalProcesses(states.total())
            .setRunningProcesses(states.running())
            .setSleepingProcesses(states.sleeping())
            .setZombieProcesses(states.zombie());
    measureTracked(m, now - previousNanos);
    previousNanos = now;
    out.setProcesses(m);
  }

  /** Walks every process: counts states and finds the processes each name/cmdline rule matches. */
  private void scan() throws IOException {
    List<List<Match>> found = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      found.add(new ArrayList<>());
    }
    Map<Integer, Seen> nowSeen = new HashMap<>();
    states =
        table.scan(
            (pid, state, buf, len) -> {
              if (rules.isEmpty()) {
                return;
              }
              PidStat stat = PidStat.parse(buf, len);
              if (stat == null) {
                return;
              }
              Seen before = seen.get(pid);
              String cmdline = null;
              for (int i = 0; i < rules.size(); i++) {
                TrackRule rule = rules.get(i);
                if (rule.pidFile() != null) {
                  continue;
                }
                if (rule.needsCmdline() && cmdline == null) {
                  cmdline = cmdline(pid, stat, before);
                }
                if (rule.matches(stat.comm(), cmdline)) {
                  found.get(i).add(new Match(pid, stat.startTicks()));
                }
              }
              nowSeen.put(pid, new Seen(stat.comm(), cmdline, stat.startTicks()));
            });
    seen = nowSeen;
    matches = found;
  }

  private void measureTracked(ProcessMetrics.Builder m, long elapsed) {
    Map<Integer, long[]> nowCpu = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      TrackRule rule = rules.get(i);
      List<Match> candidates = rule.pidFile() != null ? pidFileMatch(rule) : matches.get(i);
      Aggregate a = new Aggregate(rule.name());
      for (Match match : candidates) {
        PidStat stat = readStat(match.pid());
        if (stat == null || (match.startTicks() >= 0 && stat.startTicks() != match.startTicks())) {
          continue; // exited, or the pid now belongs to another process
        }
        long[] before = previousCpu.get(stat.pid());
        long cpuDelta =
            before != null && before[0] == stat.startTicks()
                ? Rates.delta(before[1], stat.cpuTicks())
                : 0;
        nowCpu.put(stat.pid(), new long[] {stat.startTicks(), stat.cpuTicks()});
        a.add(stat, cpuDelta, elapsed, pageSize, io(stat.pid()));
      }
      m.addTaskProcesses(a.toMetrics());
    }
    previousCpu = nowCpu;
  }

  private PidStat readStat(int pid) {
    try {
      return PidStat.parse(
          new String(Files.readAllBytes(fs.proc(pid + "/stat")), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The command line of a process, re-read only when the pid is new, was reused, or its name
   * changed (an exec after fork).
   */
  private String cmdline(int pid, PidStat stat, Seen before) {
    if (before != null
        && before.cmdline() != null
        && before.startTicks() == stat.startTicks()
        && before.comm().equals(stat.comm())) {
      return before.cmdline();
    }
    try {
      return parseCmdline(Files.readAllBytes(fs.proc(pid + "/cmdline")));
    } catch (IOException e) {
      return "";
    }
  }

  /** Arguments separated by NUL, joined by spaces (trailing NUL dropped). */
  static String parseCmdline(byte[] raw) {
    int len = raw.length;
    while (len > 0 && raw[len - 1] == 0) {
      len--;
    }
    byte[] copy = new byte[len];
    for (int i = 0; i < len; i++) {
      copy[i] = raw[i] == 0 ? (byte) ' ' : raw[i];
    }
    return new String(copy, StandardCharsets.UTF_8);
  }

  /** read_bytes and write_bytes of {@code /proc/[pid]/io}; zeros when not permitted. */
  private long[] io(int pid) {
    try {
      return parseIo(fs.procLines(pid + "/io"));
    } catch (IOException | SecurityException e) {
      return new long[2];
    }
  }

  static long[] parseIo(List<String> lines) {
    long[] io = new long[2];
    for (String line : lines) {
      if (line.startsWith("read_bytes:")) {
        io[0] = Long.parseLong(line.substring(11).trim());
      } else if (line.startsWith("write_bytes:")) {
        io[1] = Long.parseLong(line.substring(12).trim());
      }
    }
    return io;
  }

  /** The pid in a rule's pid file (start time unknown: -1), or none. */
  private static List<Match> pidFileMatch(TrackRule rule) {
    OptionalInt pid = rule.pidFromFile();
    return pid.isPresent() ? List.of(new Match(pid.getAsInt(), -1)) : List.of();
  }

  /** Sums of one rule's processes. */
  private static final class Aggregate {
    private final String name;
    private int oldestPid;
    private long oldestStart = Long.MAX_VALUE;
    private double cpuPercent;
    private long rss;
    private long virtual;
    private int threads;
    private long readBytes;
    private long writeBytes;

    Aggregate(String name) {
      this.name = name;
    }

    void add(PidStat s, long cpuTicksDelta, long elapsedNanos, long pageSize, long[] io) {
      if (s.startTicks() < oldestStart) {
        oldestStart = s.startTicks();
        oldestPid = s.pid();
      }
      if (elapsedNanos > 0) {
        cpuPercent += cpuTicksDelta * 100.0 / PidStat.USER_HZ / (elapsedNanos / 1e9);
      }
      rss += s.rssPages() * pageSize;
      virtual += s.virtualBytes();
      threads += s.threads();
      readBytes += io[0];
      writeBytes += io[1];
    }

    TaskProcessMetrics toMetrics() {
      return TaskProcessMetrics.newBuilder()
          .setTaskId(name)
          .setPid(oldestPid)
          .setCpuPercent(cpuPercent)
          .setMemoryBytes(rss)
          .setVirtualMemoryBytes(virtual)
          .setThreads(threads)
          .setReadBytes(readBytes)
          .setWriteBytes(writeBytes)
          .build();
    }
  }
}
