package io.nodelink.metrics.agent;

import io.nodelink.metrics.agent.collect.Collector;
import io.nodelink.metrics.agent.collect.CollectorRegistry;
import io.nodelink.metrics.agent.collect.CpuCollector;
import io.nodelink.metrics.agent.collect.CpuTicks;
import io.nodelink.metrics.agent.collect.DiskCollector;
import io.nodelink.metrics.agent.collect.DiskSpace;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.collect.LoadCollector;
import io.nodelink.metrics.agent.collect.MemoryCollector;
import io.nodelink.metrics.agent.collect.NameFilter;
import io.nodelink.metrics.agent.collect.NetworkCollector;
import io.nodelink.metrics.agent.collect.ProcessCollector;
import io.nodelink.metrics.agent.collect.ProcfsProbe;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.oshi.OshiDiskCollector;
import io.nodelink.metrics.agent.oshi.OshiMemoryCollector;
import io.nodelink.metrics.agent.oshi.OshiNetworkCollector;
import io.nodelink.metrics.agent.oshi.OshiProcessCollector;
import io.nodelink.metrics.agent.oshi.OshiProcesses;
import io.nodelink.metrics.agent.oshi.OshiStorage;
import io.nodelink.metrics.agent.oshi.OshiSystem;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.agent.stream.HostSnapshotSource;
import io.nodelink.metrics.agent.sysinfo.PackageSource;
import io.nodelink.metrics.agent.sysinfo.SystemDisks;
import io.nodelink.metrics.agent.sysinfo.SystemInfoCollector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.spi.SystemInfoProvider;

/**
 * Wires the real host's collectors from the configuration around one shared OSHI entry point (the
 * native-free one on Linux, see {@link OshiSystem}), choosing per collector between the {@code
 * /proc} path and the OSHI path ({@code collectors=procfs|oshi|auto}).
 */
public final class HostAgent {
  private static final Logger LOG = Logger.getLogger(HostAgent.class.getName());

  private final AgentConfig config;
  private final HostPlatform platform;
  private final SystemInfoProvider si;
  private final HardwareAbstractionLayer hal;
  private final ProcFs fs;
  private final ProcfsProbe probe;
  private final LongSupplier nanos = System::nanoTime;
  private final Filesystems filesystems;
  private final NameFilter interfaces;
  private final DiskSpace space = DiskSpace.statvfs();
  private final List<String> choices = new ArrayList<>();

  private HostAgent(AgentConfig config, HostPlatform platform) {
    this.config = config;
    this.platform = platform;
    this.si = OshiSystem.forPlatform(platform);
    this.hal = si.getHardware();
    this.fs = new ProcFs(config.procRoot(), config.sysRoot(), config.rootfs());
    this.probe = new ProcfsProbe(fs);
    this.filesystems =
        new Filesystems(
            config.diskFsTypesExclude(),
            config.diskMountExclude(),
            new NameFilter(config.diskInclude(), config.diskExclude()));
    this.interfaces = new NameFilter(config.networkInclude(), config.networkExclude());
  }

  /** The snapshot source of this host. */
  public static HostSnapshotSource source(AgentConfig config) {
    return new HostAgent(config, HostPlatform.current()).build();
  }

  private HostSnapshotSource build() {
    CollectorRegistry registry =
        new CollectorRegistry(List.of(cpu(), memory(), disk(), network(), processes(), load()));
    SystemInfoCollector systemInfo =
        new SystemInfoCollector(
            hal,
            si.getOperatingSystem(),
            fs,
            systemDisks(),
            PackageSource.forPlatform(platform, fs, si.getOperatingSystem()),
            interfaces,
            Clock.systemUTC());
    LOG.info(
        () -> "collectors (" + config.collectors().value() + "): " + String.join(", ", choices));
    return new HostSnapshotSource(registry, systemInfo);
  }

  private Collector cpu() {
    CpuTicks ticks =
        choose("cpu", probe.hasFiles("stat"))
            ? CpuTicks.procfs(fs)
            : CpuTicks.oshi(hal.getProcessor());
    return new CpuCollector(ticks, hal.getSensors(), platform);
  }

  private Collector load() {
    return choose("load", probe.hasFiles("loadavg"))
        ? LoadCollector.procfs(fs)
        : new LoadCollector(hal.getProcessor());
  }

  private Collector memory() {
    return choose("memory", probe.hasFiles("meminfo"))
        ? new MemoryCollector(fs)
        : new OshiMemoryCollector(hal.getMemory());
  }

  private Collector disk() {
    long refresh = TimeUnit.SECONDS.toNanos(config.mountRefreshSeconds());
    return choose("disk", probe.hasFiles("mounts", "diskstats"))
        ? new DiskCollector(fs, filesystems, space, nanos, refresh)
        : new OshiDiskCollector(OshiStorage.of(si), space, filesystems, platform, nanos, refresh);
  }

  private Collector network() {
    Supplier<List<oshi.hardware.NetworkIF>> all = () -> hal.getNetworkIFs(true);
    return choose("network", probe.hasFiles("net/dev"))
        ? new NetworkCollector(fs, interfaces, nanos)
        : new OshiNetworkCollector(
            all,
            interfaces,
            platform,
            nanos,
            TimeUnit.SECONDS.toNanos(config.mountRefreshSeconds()));
  }

  private Collector processes() {
    long scan = TimeUnit.SECONDS.toNanos(config.processScanSeconds());
    return choose("processes", probe.hasProcesses())
        ? new ProcessCollector(fs, config.trackRules(), hal.getMemory().getPageSize(), nanos, scan)
        : new OshiProcessCollector(
            OshiProcesses.of(si.getOperatingSystem()), config.trackRules(), platform, nanos, scan);
  }

  private SystemDisks systemDisks() {
    return choose("system-info disks", probe.hasFiles("mounts"))
        ? SystemDisks.procfs(fs, filesystems, space)
        : SystemDisks.oshi(OshiStorage.of(si), filesystems, platform);
  }

  /** True for the /proc path: always with procfs, never with oshi, when its files exist on auto. */
  private boolean choose(String collector, boolean procfsReady) {
    boolean procfs =
        switch (config.collectors()) {
          case PROCFS -> true;
          case OSHI -> false;
          case AUTO -> procfsReady;
        };
    choices.add(collector + "=" + (procfs ? "procfs" : "oshi"));
    return procfs;
  }
}
