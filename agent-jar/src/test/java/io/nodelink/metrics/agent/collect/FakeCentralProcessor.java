package io.nodelink.metrics.agent.collect;

import java.util.List;
import oshi.hardware.CentralProcessor;

/** A hand-written OSHI processor whose ticks and load averages tests set directly. */
final class FakeCentralProcessor implements CentralProcessor {
  long[] ticks = new long[TickType.values().length];
  long[][] perCore = new long[0][];
  double[] load = {-1, -1, -1};

  /** Sets total ticks: user, nice, system, idle, iowait, irq, softirq, steal. */
  FakeCentralProcessor ticks(long... t) {
    ticks = t.clone();
    return this;
  }

  FakeCentralProcessor cores(long[]... t) {
    perCore = t.clone();
    return this;
  }

  @Override
  public ProcessorIdentifier getProcessorIdentifier() {
    return new ProcessorIdentifier("Fake", "Fake CPU", "6", "1", "1", "0", true, 2_400_000_000L);
  }

  @Override
  public long getMaxFreq() {
    return 3_000_000_000L;
  }

  @Override
  public long[] getCurrentFreq() {
    return new long[] {2_400_000_000L};
  }

  @Override
  public List<LogicalProcessor> getLogicalProcessors() {
    return List.of();
  }

  @Override
  public List<PhysicalProcessor> getPhysicalProcessors() {
    return List.of();
  }

  @Override
  public List<ProcessorCache> getProcessorCaches() {
    return List.of();
  }

  @Override
  public List<String> getFeatureFlags() {
    return List.of("flags\t\t: fpu sse2 avx2", "flags\t\t: fpu sse2 avx2");
  }

  @Override
  public double getSystemCpuLoadBetweenTicks(long[] oldTicks) {
    throw new UnsupportedOperationException("collectors compute shares themselves");
  }

  @Override
  public double getSystemCpuLoadBetweenTicks(long[] oldTicks, long[] newTicks) {
    throw new UnsupportedOperationException("collectors compute shares themselves");
  }

  @Override
  public long[] getSystemCpuLoadTicks() {
    return ticks.clone();
  }

  @Override
  public double[] getSystemLoadAverage(int nelem) {
    return load.clone();
  }

  @Override
  public double[] getProcessorCpuLoadBetweenTicks(long[][] oldTicks) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double[] getProcessorCpuLoadBetweenTicks(long[][] oldTicks, long[][] newTicks) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long[][] getProcessorCpuLoadTicks() {
    long[][] copy = new long[perCore.length][];
    for (int i = 0; i < perCore.length; i++) {
      copy[i] = perCore[i].clone();
    }
    return copy;
  }

  @Override
  public int getLogicalProcessorCount() {
    return perCore.length;
  }

  @Override
  public int getPhysicalProcessorCount() {
    return perCore.length;
  }

  @Override
  public int getPhysicalPackageCount() {
    return 1;
  }

  @Override
  public long getContextSwitches() {
    return 0;
  }

  @Override
  public long getInterrupts() {
    return 0;
  }
}
