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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Process counts by state from one pass over {@code /proc/[pid]/stat} (the first bytes of each file
 * into a reused buffer), and the tracked processes of the configured rules. A rule's entry sums all
 * its matching processes (CPU % of one core, RSS, virtual size, threads, cumulative I/O bytes)
 * under the pid of the oldest; a rule that matches nothing reports pid 0 and zeros, so a service
 * that went down stays visible.
 */
public final class ProcessCollector implements Collector {

  /** Per-pid state kept between samples. */
  private record Seen(String comm, String cmdline, long startTicks, long cpuTicks) {}

  private final ProcFs fs;
  private final ProcessTable table;
  private final List<TrackRule> rules;
  private final boolean needsCmdline;
  private final long pageSize;
  private final LongSupplier nanoClock;
  private Map<Integer, Seen> seen = new HashMap<>();
  private long previousNanos;

  public ProcessCollector(ProcFs fs, List<TrackRule> rules, long pageSize, LongSupplier nanoClock) {
    this.fs = fs;
    this.table = new ProcessTable(fs);
    this.rules = List.copyOf(rules);
    this.needsCmdline = rules.stream().anyMatch(TrackRule::needsCmdline);
    this.pageSize = pageSize;
    this.nanoClock = nanoClock;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.PROCESSES;
  }

  @Override
  public void prime() throws IOException {
    if (!rules.isEmpty()) {
      collect(MetricsDataResponse.newBuilder());
    }
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) throws IOException {
    long now = nanoClock.getAsLong();
    long elapsed = now - previousNanos;
    Map<Integer, Integer> pidFilePids = pidFilePids();
    Map<String, Aggregate> byRule = new LinkedHashMap<>();
    for (TrackRule r : rules) {
      byRule.put(r.name(), new Aggregate(r.name()));
    }
    Map<Integer, Seen> nowSeen = new HashMap<>();
    ProcessStates states =
        table.scan(
            (pid, state, buf, len) -> {
              if (rules.isEmpty()) {
                return;
              }
              PidStat stat = null;
              String comm = null;
              String cmdline = null;
              Seen before = seen.get(pid);
              for (int i = 0; i < rules.size(); i++) {
                TrackRule rule = rules.get(i);
                boolean hit;
                if (rule.pidFile() != null) {
                  hit = pidFilePids.getOrDefault(pid, -1) == i;
                } else {
                  if (stat == null) {
                    stat = PidStat.parse(buf, len);
                    if (stat == null) {
                      return;
                    }
                    comm = stat.comm();
                  }
                  if (rule.needsCmdline() && cmdline == null) {
                    cmdline = cmdline(pid, comm, stat.startTicks(), before);
                  }
                  hit = rule.matches(comm, cmdline);
                }
                if (hit) {
                  if (stat == null) {
                    stat = PidStat.parse(buf, len);
                    if (stat == null) {
                      return;
                    }
                  }
                  long cpuDelta =
                      before != null && before.startTicks() == stat.startTicks()
                          ? Rates.delta(before.cpuTicks(), stat.cpuTicks())
                          : 0;
                  byRule.get(rule.name()).add(stat, cpuDelta, elapsed, pageSize, io(pid));
                }
              }
              if (stat != null) {
                nowSeen.put(
                    pid, new Seen(stat.comm(), cmdline, stat.startTicks(), stat.cpuTicks()));
              }
            });
    seen = nowSeen;
    previousNanos = now;
    ProcessMetrics.Builder m =
        ProcessMetrics.newBuilder()
            .setTotalProcesses(states.total())
            .setRunningProcesses(states.running())
            .setSleepingProcesses(states.sleeping())
            .setZombieProcesses(states.zombie());
    for (Aggregate a : byRule.values()) {
      m.addTaskProcesses(a.toMetrics());
    }
    out.setProcesses(m);
  }

  /**
   * The command line of a process, re-read only when the pid is new, was reused, or its name
   * changed (an exec after fork).
   */
  private String cmdline(int pid, String comm, long startTicks, Seen before) {
    if (before != null
        && before.cmdline() != null
        && before.startTicks() == startTicks
        && before.comm().equals(comm)) {
      return before.cmdline();
    }
    try {
      byte[] raw = Files.readAllBytes(fs.proc(pid + "/cmdline"));
      return parseCmdline(raw);
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

  /** Pid → index of the pid-file rule that names it. */
  private Map<Integer, Integer> pidFilePids() {
    Map<Integer, Integer> pids = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      TrackRule r = rules.get(i);
      if (r.pidFile() == null) {
        continue;
      }
      try {
        String text = Files.readString(r.pidFile(), StandardCharsets.US_ASCII).trim();
        pids.put(Integer.parseInt(text.split("\\s+")[0]), i);
      } catch (IOException | NumberFormatException | SecurityException e) {
        // No pid file (service stopped) or garbage: the rule reports pid 0.
      }
    }
    return pids;
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
