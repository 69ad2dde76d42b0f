package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.CpuTimes;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.procfs.ProcText;
import java.io.IOException;
import oshi.hardware.CentralProcessor;

/**
 * Where the CPU collector gets its time counters: {@code /proc/stat} read directly, or OSHI. Only
 * the ratios of their deltas are reported, so the unit does not matter (OSHI gives milliseconds,
 * {@code /proc/stat} clock ticks).
 */
@FunctionalInterface
public interface CpuTicks {

  /** The total and per-processor counters of one moment, in OSHI's {@code TickType} order. */
  CpuTimes read() throws IOException;

  /**
   * One read of {@code /proc/stat} per sample, parsed in place; OSHI reads it twice (once for the
   * total, once per processor) and splits every line with a regular expression.
   */
  static CpuTicks procfs(ProcFs fs) {
    ProcText stat = new ProcText(fs.proc("stat"), 4096);
    return () -> CpuTimes.parse(stat.load());
  }

  /** OSHI's counters: every platform it supports. */
  static CpuTicks oshi(CentralProcessor processor) {
    return () ->
        new CpuTimes(processor.getSystemCpuLoadTicks(), processor.getProcessorCpuLoadTicks());
  }
}
