package io.nodelink.metrics.bench.load;

import java.io.IOException;

/** The counters at the start of a steady window, and the rates once it is closed. */
final class Window {

  /** The window's figures. */
  record Closed(
      double seconds,
      double serverRate,
      double sentRate,
      double serverCpuPct,
      double toolCpuPct,
      double machineBusyPct,
      ServerProbe.GcPauses gc) {}

  private final long startNanos;
  private final double serverSnapshots;
  private final long sent;
  private final long serverCpu;
  private final long toolCpu;
  private final long[] machine;
  private final long gcOffset;

  private Window(ServerProbe probe, Deliveries deliveries)
      throws IOException, InterruptedException {
    this.gcOffset = probe.gcLogOffset();
    this.serverSnapshots = snapshots(probe);
    this.sent = deliveries.sentCount();
    this.serverCpu = probe.cpuNanos();
    this.toolCpu = ServerProbe.cpuNanos(ProcessHandle.current().pid());
    this.machine = MachineStats.cpuJiffies();
    this.startNanos = System.nanoTime();
    deliveries.openWindow(startNanos);
  }

  static Window open(ServerProbe probe, Deliveries deliveries)
      throws IOException, InterruptedException {
    return new Window(probe, deliveries);
  }

  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Server snapshots per second so far. */
  double serverRate(ServerProbe probe) throws IOException, InterruptedException {
    return (snapshots(probe) - serverSnapshots) / elapsedSeconds();
  }

  /** Simulator sends per second so far. */
  double sentRate(Deliveries deliveries) {
    return (deliveries.sentCount() - sent) / elapsedSeconds();
  }

  Closed close(ServerProbe probe, Deliveries deliveries) throws IOException, InterruptedException {
    long end = System.nanoTime();
    deliveries.closeWindow(end);
    double seconds = (end - startNanos) / 1e9;
    double server = (snapshots(probe) - serverSnapshots) / seconds;
    double sentRate = (deliveries.sentCount() - sent) / seconds;
    double serverCpuPct = 100.0 * (probe.cpuNanos() - serverCpu) / (end - startNanos);
    double toolCpuPct =
        100.0
            * (ServerProbe.cpuNanos(ProcessHandle.current().pid()) - toolCpu)
            / (end - startNanos);
    long[] m = MachineStats.cpuJiffies();
    double busy = m[1] == machine[1] ? 0 : 100.0 * (m[0] - machine[0]) / (m[1] - machine[1]);
    return new Closed(
        seconds, server, sentRate, serverCpuPct, toolCpuPct, busy, probe.pausesSince(gcOffset));
  }

  private static double snapshots(ServerProbe probe) throws IOException, InterruptedException {
    return probe.metric("nodelink_snapshots_received_total").orElse(Double.NaN);
  }
}
