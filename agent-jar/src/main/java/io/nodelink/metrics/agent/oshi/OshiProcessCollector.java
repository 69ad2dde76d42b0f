package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.collect.Collector;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.collect.Rates;
import io.nodelink.metrics.agent.collect.TrackRule;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import oshi.software.os.OSProcess;

/**
 * Process counts by state and the tracked processes of the configured rules, from OSHI. As on the
 * {@code /proc} path, listing every process (the expensive part) runs at most every {@code
 * scanNanos}; between walks only the matched processes are refreshed. States: running is OSHI's
 * RUNNING; sleeping is SLEEPING, WAITING (uninterruptible) and OTHER (where OSHI puts Linux's idle
 * kernel threads); zombie is ZOMBIE. Windows has no such states (OSHI calls every process running),
 * so there running and sleeping are 0 and named unavailable; the total is exact.
 */
public final class OshiProcessCollector implements Collector {
  private static final List<String> NO_STATES =
      List.of("processes.running_processes", "processes.sleeping_processes");

  private final OshiProcesses processes;
  private final List<TrackRule> rules;
  private final HostPlatform platform;
  private final LongSupplier nanoClock;
  private final long scanNanos;
  private ProcessMetrics counts;
  private List<List<OSProcess>> matches = new ArrayList<>();
  private long lastScan;
  private Map<Integer, long[]> previousCpu = new HashMap<>();
  private long previousNanos;

  public OshiProcessCollector(
      OshiProcesses processes,
      List<TrackRule> rules,
      HostPlatform platform,
      LongSupplier nanoClock,
      long scanNanos) {
    this.processes = processes;
    this.rules = List.copyOf(rules);
    this.platform = platform;
    this.nanoClock = nanoClock;
    this.scanNanos = scanNanos;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.PROCESSES;
  }

  @Override
  public void prime() {
    counts = null;
    if (!rules.isEmpty()) {
      collect(MetricsDataResponse.newBuilder());
    }
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) {
    long now = nanoClock.getAsLong();
    boolean fresh = false;
    if (counts == null || now - lastScan >= scanNanos) {
      scan();
      lastScan = now;
      fresh = true;
    }
    ProcessMetrics.Builder m = counts.toBuilder();
    measureTracked(m, now - previousNanos, fresh);
    previousNanos = now;
    out.setProcesses(m);
  }

  @Override
  public List<String> unavailableFields() {
    return platform == HostPlatform.WINDOWS ? NO_STATES : List.of();
  }

  private void scan() {
    List<OSProcess> all = processes.all();
    int running = 0;
    int sleeping = 0;
    int zombie = 0;
    List<List<OSProcess>> found = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      found.add(new ArrayList<>());
    }
    for (OSProcess p : all) {
      switch (p.getState()) {
        case RUNNING -> running++;
        case SLEEPING, WAITING, OTHER -> sleeping++;
        case ZOMBIE -> zombie++;
        default -> {
          // Stopped, new, suspended: only in the total.
        }
      }
      for (int i = 0; i < rules.size(); i++) {
        TrackRule rule = rules.get(i);
        if (rule.pidFile() == null && matches(rule, p)) {
          found.get(i).add(p);
        }
      }
    }
    boolean states = platform != HostPlatform.WINDOWS;
    counts =
        ProcessMetrics.newBuilder()
            .setTotalProcesses(all.size())
            .setRunningProcesses(states ? running : 0)
            .setSleepingProcesses(states ? sleeping : 0)
            .setZombieProcesses(zombie)
            .build();
    matches = found;
  }

  private static boolean matches(TrackRule rule, OSProcess p) {
    String name = p.getName() == null ? "" : p.getName();
    return rule.matches(name, rule.needsCmdline() ? p.getCommandLine() : null);
  }

  private void measureTracked(ProcessMetrics.Builder m, long elapsed, boolean fresh) {
    Map<Integer, long[]> nowCpu = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      TrackRule rule = rules.get(i);
      List<OSProcess> candidates = rule.pidFile() != null ? pidFileMatch(rule) : matches.get(i);
      Aggregate a = new Aggregate(rule.name());
      for (OSProcess p : candidates) {
        long start = p.getStartTime();
        if (!fresh
            && rule.pidFile() == null
            && (!p.updateAttributes() || p.getStartTime() != start)) {
          continue; // exited, or the pid now belongs to another process
        }
        long cpuMs = p.getKernelTime() + p.getUserTime();
        long[] before = previousCpu.get(p.getProcessID());
        long delta =
            before != null && before[0] == p.getStartTime() ? Rates.delta(before[1], cpuMs) : 0;
        nowCpu.put(p.getProcessID(), new long[] {p.getStartTime(), cpuMs});
        a.add(p, delta, elapsed);
      }
      m.addTaskProcesses(a.toMetrics());
    }
    previousCpu = nowCpu;
  }

  private List<OSProcess> pidFileMatch(TrackRule rule) {
    OptionalInt pid = rule.pidFromFile();
    OSProcess p = pid.isPresent() ? processes.byPid(pid.getAsInt()) : null;
    return p == null ? List.of() : List.of(p);
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

    void add(OSProcess p, long cpuMillisDelta, long elapsedNanos) {
      if (p.getStartTime() < oldestStart) {
        oldestStart = p.getStartTime();
        oldestPid = p.getProcessID();
      }
      if (elapsedNanos > 0) {
        cpuPercent += cpuMillisDelta * 100.0 / (elapsedNanos / 1e6);
      }
      rss += Math.max(0, p.getResidentMemory());
      virtual += Math.max(0, p.getVirtualSize());
      threads += Math.max(0, p.getThreadCount());
      readBytes += Math.max(0, p.getBytesRead());
      writeBytes += Math.max(0, p.getBytesWritten());
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
