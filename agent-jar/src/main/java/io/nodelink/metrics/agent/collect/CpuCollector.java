package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.CpuTimes;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.io.IOException;
import java.util.List;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.Sensors;

/**
 * CPU usage from the deltas of two tick snapshots (never since boot): total and per logical
 * processor, split into user (+nice), system (+irq, softirq), idle and iowait, which sum to 100
 * less any steal time. The counters come from {@code /proc/stat} or OSHI ({@link CpuTicks}).
 * Temperature comes from OSHI's sensors; 0 when the machine exposes none. Windows and macOS have no
 * iowait: there it is 0 and named unavailable, as is a missing sensor.
 */
public final class CpuCollector implements Collector {
  private static final String IOWAIT_FIELD = "cpu.iowait_percent";
  private static final String TEMPERATURE = "cpu.temperature_celsius";
  // Built once: the CPU collector runs every sample on the fast path.
  private static final List<String> NO_TEMPERATURE = List.of(TEMPERATURE);
  private static final List<String> NO_IOWAIT = List.of(IOWAIT_FIELD);
  private static final List<String> NO_IOWAIT_NOR_TEMPERATURE = List.of(IOWAIT_FIELD, TEMPERATURE);

  private static final int USER = TickType.USER.getIndex();
  private static final int NICE = TickType.NICE.getIndex();
  private static final int SYSTEM = TickType.SYSTEM.getIndex();
  private static final int IDLE = TickType.IDLE.getIndex();
  private static final int IOWAIT = TickType.IOWAIT.getIndex();
  private static final int IRQ = TickType.IRQ.getIndex();
  private static final int SOFTIRQ = TickType.SOFTIRQ.getIndex();

  private final CpuTicks source;
  private final Sensors sensors;
  private final boolean hasIowait;
  private long[] previous;
  private long[][] previousPerCore;
  private List<String> unavailable = List.of();

  /** A collector over OSHI's counters for this JVM's platform. */
  public CpuCollector(CentralProcessor processor, Sensors sensors) {
    this(processor, sensors, HostPlatform.current());
  }

  /** A collector over OSHI's counters for the given platform (tests of other platforms). */
  public CpuCollector(CentralProcessor processor, Sensors sensors, HostPlatform platform) {
    this(CpuTicks.oshi(processor), sensors, platform);
  }

  /** A collector over the given counters for the given platform. */
  public CpuCollector(CpuTicks source, Sensors sensors, HostPlatform platform) {
    this.source = source;
    this.sensors = sensors;
    this.hasIowait = platform == HostPlatform.LINUX || platform == HostPlatform.OTHER;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.CPU;
  }

  @Override
  public void prime() throws IOException {
    CpuTimes now = source.read();
    previous = now.total();
    previousPerCore = now.perCpu();
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) throws IOException {
    CpuTimes now = source.read();
    long[] ticks = now.total();
    long[][] perCore = now.perCpu();
    CpuMetrics.Builder cpu = CpuMetrics.newBuilder();
    if (previous != null) {
      long[] d = deltas(previous, ticks);
      double total = sum(d);
      cpu.setUserPercent(Rates.percent(d[USER] + d[NICE], total))
          .setSystemPercent(Rates.percent(d[SYSTEM] + d[IRQ] + d[SOFTIRQ], total))
          .setIdlePercent(Rates.percent(d[IDLE], total))
          .setIowaitPercent(Rates.percent(d[IOWAIT], total))
          .setUsagePercent(busyPercent(d));
    }
    if (previousPerCore != null && previousPerCore.length == perCore.length) {
      for (int i = 0; i < perCore.length; i++) {
        cpu.addCoreUsage(busyPercent(deltas(previousPerCore[i], perCore[i])));
      }
    } else {
      // First sample, or processors came or went: no interval to measure over yet.
      for (int i = 0; i < perCore.length; i++) {
        cpu.addCoreUsage(0);
      }
    }
    double temperature = temperature();
    cpu.setTemperatureCelsius(temperature);
    unavailable = unavailable(temperature > 0);
    previous = ticks;
    previousPerCore = perCore;
    out.setCpu(cpu);
  }

  @Override
  public List<String> unavailableFields() {
    return unavailable;
  }

  private List<String> unavailable(boolean hasTemperature) {
    if (hasIowait) {
      return hasTemperature ? List.of() : NO_TEMPERATURE;
    }
    return hasTemperature ? NO_IOWAIT : NO_IOWAIT_NOR_TEMPERATURE;
  }

  private double temperature() {
    double t = sensors.getCpuTemperature();
    return Double.isNaN(t) || t <= 0 || t > 150 ? 0 : t;
  }

  /** Busy share of the interval: everything but idle and iowait. */
  static double busyPercent(long[] d) {
    double total = sum(d);
    return Rates.percent(total - d[IDLE] - d[IOWAIT], total);
  }

  private static long[] deltas(long[] before, long[] after) {
    long[] d = new long[after.length];
    for (int i = 0; i < after.length && i < before.length; i++) {
      d[i] = Rates.delta(before[i], after[i]);
    }
    return d;
  }

  private static double sum(long[] d) {
    double s = 0;
    for (long v : d) {
      s += v;
    }
    return s;
  }
}
