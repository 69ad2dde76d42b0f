package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.util.List;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.Sensors;

/**
 * CPU usage from the deltas of two tick snapshots (never since boot): total and per logical
 * processor, split into user (+nice), system (+irq, softirq), idle and iowait, which sum to 100
 * less any steal time. Temperature comes from OSHI's sensors; 0 when the machine exposes none.
 * Windows and macOS have no iowait: there it is 0 and named unavailable, as is a missing sensor.
 */
public final class CpuCollector implements Collector {
  private static final String IOWAIT = "cpu.iowait_percent";
  private static final String TEMPERATURE = "cpu.temperature_celsius";
  // Built once: the CPU collector runs every sample on the fast path.
  private static final List<String> NO_TEMPERATURE = List.of(TEMPERATURE);
  private static final List<String> NO_IOWAIT = List.of(IOWAIT);
  private static final List<String> NO_IOWAIT_NOR_TEMPERATURE = List.of(IOWAIT, TEMPERATURE);

  private final CentralProcessor processor;
  private final Sensors sensors;
  private final boolean hasIowait;
  private long[] previous;
  private long[][] previousPerCore;
  private List<String> unavailable = List.of();

  /** A collector for this JVM's platform. */
  public CpuCollector(CentralProcessor processor, Sensors sensors) {
    this(processor, sensors, HostPlatform.current());
  }

  /** A collector for the given platform (tests of other platforms' branches). */
  public CpuCollector(CentralProcessor processor, Sensors sensors, HostPlatform platform) {
    this.processor = processor;
    this.sensors = sensors;
    this.hasIowait = platform == HostPlatform.LINUX || platform == HostPlatform.OTHER;
  }

  @Override
  public MetricGroup group() {
    return MetricGroup.CPU;
  }

  @Override
  public void prime() {
    previous = processor.getSystemCpuLoadTicks();
    previousPerCore = processor.getProcessorCpuLoadTicks();
  }

  @Override
  public void collect(MetricsDataResponse.Builder out) {
    long[] ticks = processor.getSystemCpuLoadTicks();
    long[][] perCore = processor.getProcessorCpuLoadTicks();
    CpuMetrics.Builder cpu = CpuMetrics.newBuilder();
    if (previous != null) {
      long[] d = deltas(previous, ticks);
      double total = sum(d);
      cpu.setUserPercent(Rates.percent(d[idx(TickType.USER)] + d[idx(TickType.NICE)], total))
          .setSystemPercent(
              Rates.percent(
                  d[idx(TickType.SYSTEM)] + d[idx(TickType.IRQ)] + d[idx(TickType.SOFTIRQ)], total))
          .setIdlePercent(Rates.percent(d[idx(TickType.IDLE)], total))
          .setIowaitPercent(Rates.percent(d[idx(TickType.IOWAIT)], total))
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
    return Rates.percent(total - d[idx(TickType.IDLE)] - d[idx(TickType.IOWAIT)], total);
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

  private static int idx(TickType t) {
    return t.getIndex();
  }
}
