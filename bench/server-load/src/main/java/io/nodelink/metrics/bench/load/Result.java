package io.nodelink.metrics.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one scenario; one tab-separated line in the results file.
 *
 * @param scenario {@code fleet} (N agents, some watched over SSE) or {@code fanout} (one agent,
 *     many SSE clients)
 * @param agents simulated agents
 * @param sseClients SSE clients connected
 * @param windowSeconds length of the steady window
 * @param snapshotsPerSec snapshots the server counted per second over the window
 * @param sentPerSec snapshots the simulator sent per second over the window
 * @param p50Ms median agent-send to SSE-receipt latency
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs longest
 * @param samples latency samples
 * @param heapPerAgentKiB live heap after GC at the end, minus before the agents connected, per
 *     agent
 * @param historySeconds seconds of history the agents had streamed when the heap was measured
 * @param errors reconnects + SSE disconnects + HTTP errors + missing deliveries + agent warnings
 * @param errorDetail the breakdown of {@code errors}
 * @param serverCpuPct server JVM CPU over the window, % of one core
 * @param toolCpuPct this tool's CPU over the window, % of one core
 * @param machineBusyPct all CPUs busy over the window, % of the machine
 * @param load1 1-minute load average at the end of the window
 * @param gcPauses GC pauses in the window: count / longest ms
 */
record Result(
    String scenario,
    int agents,
    int sseClients,
    double windowSeconds,
    double snapshotsPerSec,
    double sentPerSec,
    double p50Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    long samples,
    double heapPerAgentKiB,
    double historySeconds,
    double growthBytesPerAgentSec,
    long errors,
    String errorDetail,
    double serverCpuPct,
    double toolCpuPct,
    double machineBusyPct,
    double load1,
    String gcPauses) {

  static final String HEADER =
      String.join(
          "\t",
          "scenario",
          "agents",
          "sse_clients",
          "window_s",
          "snapshots_per_s",
          "sent_per_s",
          "p50_ms",
          "p99_ms",
          "p999_ms",
          "max_ms",
          "samples",
          "heap_per_agent_kib",
          "history_s",
          "growth_bytes_per_agent_s",
          "errors",
          "error_detail",
          "server_cpu_pct",
          "tool_cpu_pct",
          "machine_busy_pct",
          "load1",
          "gc_pauses");

  String tsv() {
    return String.join(
        "\t",
        scenario,
        Integer.toString(agents),
        Integer.toString(sseClients),
        f1(windowSeconds),
        f1(snapshotsPerSec),
        f1(sentPerSec),
        f1(p50Ms),
        f1(p99Ms),
        f1(p999Ms),
        f1(maxMs),
        Long.toString(samples),
        f1(heapPerAgentKiB),
        f1(historySeconds),
        f1(growthBytesPerAgentSec),
        Long.toString(errors),
        errorDetail,
        f1(serverCpuPct),
        f1(toolCpuPct),
        f1(machineBusyPct),
        String.format(Locale.ROOT, "%.2f", load1),
        gcPauses);
  }

  static Result parse(String line) {
    String[] c = line.split("\t", -1);
    return new Result(
        c[0],
        Integer.parseInt(c[1]),
        Integer.parseInt(c[2]),
        Double.parseDouble(c[3]),
        Double.parseDouble(c[4]),
        Double.parseDouble(c[5]),
        Double.parseDouble(c[6]),
        Double.parseDouble(c[7]),
        Double.parseDouble(c[8]),
        Double.parseDouble(c[9]),
        Long.parseLong(c[10]),
        Double.parseDouble(c[11]),
        Double.parseDouble(c[12]),
        Double.parseDouble(c[13]),
        Long.parseLong(c[14]),
        c[15],
        Double.parseDouble(c[16]),
        Double.parseDouble(c[17]),
        Double.parseDouble(c[18]),
        Double.parseDouble(c[19]),
        c[20]);
  }

  /** Appends this result to {@code file}, writing the header first if the file is new. */
  void appendTo(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.exists(file) || Files.size(file) == 0) {
      lines.add(HEADER);
    }
    lines.add(tsv());
    Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The results of a file as a Markdown table. */
  static String table(List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| scenario | agents | SSE clients | snapshots/s (server) | sent/s | p50 ms | p99 ms | max ms"
            + " | heap/agent KiB after s of history (fanout: per client) | heap growth B/agent/s"
            + " | errors | server CPU % | server CPU µs/snapshot | tool CPU % | machine busy %"
            + " | load1 | GC pauses in window (n/max ms) |\n");
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Result r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f after %.0f s | %.0f | %d%s"
                  + " | %.0f | %.1f | %.0f | %.0f | %.1f | %s |%n",
              r.scenario,
              r.agents,
              r.sseClients,
              r.snapshotsPerSec,
              r.sentPerSec,
              r.p50Ms,
              r.p99Ms,
              r.maxMs,
              r.heapPerAgentKiB,
              r.historySeconds,
              r.growthBytesPerAgentSec,
              r.errors,
              r.errors == 0 ? "" : " (" + r.errorDetail + ")",
              r.serverCpuPct,
              cpuMicrosPerSnapshot(r),
              r.toolCpuPct,
              r.machineBusyPct,
              r.load1,
              r.gcPauses));
    }
    return out.toString();
  }

  /** The server's CPU time per snapshot received (all of its work in the window, divided). */
  static double cpuMicrosPerSnapshot(Result r) {
    return r.snapshotsPerSec > 0 ? r.serverCpuPct / 100 * 1e6 / r.snapshotsPerSec : 0;
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
