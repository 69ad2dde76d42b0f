package io.nodelink.metrics.agent;

import io.nodelink.metrics.agent.collect.CollectorRegistry;
import io.nodelink.metrics.agent.collect.CpuCollector;
import io.nodelink.metrics.agent.collect.DiskCollector;
import io.nodelink.metrics.agent.collect.DiskSpace;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.LoadCollector;
import io.nodelink.metrics.agent.collect.MemoryCollector;
import io.nodelink.metrics.agent.collect.NameFilter;
import io.nodelink.metrics.agent.collect.NetworkCollector;
import io.nodelink.metrics.agent.collect.ProcessCollector;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.stream.HostSnapshotSource;
import io.nodelink.metrics.agent.sysinfo.SystemInfoCollector;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Wires the real host's collectors from the configuration around one shared OSHI {@link
 * SystemInfo}.
 */
public final class HostAgent {
  private HostAgent() {}

  /** The snapshot source of this host. */
  public static HostSnapshotSource source(AgentConfig config) {
    SystemInfo si = new SystemInfo();
    HardwareAbstractionLayer hal = si.getHardware();
    CentralProcessor cpu = hal.getProcessor();
    ProcFs fs = new ProcFs(config.procRoot(), config.sysRoot(), config.rootfs());
    LongSupplier nanos = System::nanoTime;
    Filesystems filesystems =
        new Filesystems(
            config.diskFsTypesExclude(),
            config.diskMountExclude(),
            new NameFilter(config.diskInclude(), config.diskExclude()));
    NameFilter interfaces = new NameFilter(config.networkInclude(), config.networkExclude());
    DiskSpace space = DiskSpace.statvfs();
    CollectorRegistry registry =
        new CollectorRegistry(
            List.of(
                new CpuCollector(cpu, hal.getSensors()),
                new MemoryCollector(fs),
                new DiskCollector(
                    fs,
                    filesystems,
                    space,
                    nanos,
                    TimeUnit.SECONDS.toNanos(config.mountRefreshSeconds())),
                new NetworkCollector(fs, interfaces, nanos),
                new ProcessCollector(
                    fs,
                    config.trackRules(),
                    hal.getMemory().getPageSize(),
                    nanos,
                    TimeUnit.SECONDS.toNanos(config.processScanSeconds())),
                new LoadCollector(cpu)));
    SystemInfoCollector systemInfo =
        new SystemInfoCollector(
            hal, si.getOperatingSystem(), fs, filesystems, space, interfaces, Clock.systemUTC());
    return new HostSnapshotSource(registry, systemInfo);
  }
}
