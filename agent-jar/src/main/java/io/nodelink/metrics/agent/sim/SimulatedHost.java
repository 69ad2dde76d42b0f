package io.nodelink.metrics.agent.sim;

import com.google.protobuf.UnknownFieldSet;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.stream.SnapshotSource;
import io.nodelink.metrics.pb.CollectionStats;
import io.nodelink.metrics.pb.CpuInfo;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskInfo;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.InstalledPackage;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MemoryInfo;
import io.nodelink.metrics.pb.MemoryMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkInterface;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.OperatingSystem;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.SystemHardware;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import java.time.Clock;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A made-up host whose values wander plausibly (bounded random walks) from sample to sample. The
 * system info is one immutable message shared by all simulated hosts (only the hostname is set per
 * host, on the rare request). Each snapshot carries its send time in milliseconds as field {@value
 * #SENT_AT_FIELD} (proposed {@code uint64 sent_at_millis}) so the server benchmark can measure
 * agent-send to SSE-receipt latency; servers built before that field exists keep it as an unknown
 * field.
 */
public final class SimulatedHost implements SnapshotSource {

  /** Proposed field number of {@code MetricsDataResponse.sent_at_millis}. */
  public static final int SENT_AT_FIELD = 21;

  static final long GIB = 1L << 30;
  private static final int CORES = 4;
  private static final String[] DISKS = {"/dev/sda1", "/dev/sdb1"};
  private static final String[] MOUNTS = {"/", "/data"};
  private static final long[] DISK_SIZES = {100 * GIB, 500 * GIB};
  private static final String[] INTERFACES = {"eth0", "eth1"};
  private static final long MEMORY = 16 * GIB;

  static final SystemInfoResponse SHARED_INFO = buildSystemInfo();

  private final String hostname;
  private final Clock clock;
  private final SplittableRandom random;
  private double cpu;
  private final double[] cores = new double[CORES];
  private double memUsed;
  private final double[] diskUsed = new double[DISKS.length];
  private final double[] diskIo = new double[DISKS.length];
  private final double[] netRate = new double[INTERFACES.length];
  private double procs;

  public SimulatedHost(String hostname, long seed, Clock clock) {
    this.hostname = hostname;
    this.clock = clock;
    this.random = new SplittableRandom(seed);
    cpu = 5 + random.nextDouble(40);
    for (int i = 0; i < CORES; i++) {
      cores[i] = cpu;
    }
    memUsed = 0.2 + random.nextDouble(0.5);
    for (int i = 0; i < DISKS.length; i++) {
      diskUsed[i] = 0.1 + random.nextDouble(0.7);
      diskIo[i] = random.nextDouble(5e6);
    }
    for (int i = 0; i < INTERFACES.length; i++) {
      netRate[i] = random.nextDouble(2e6);
    }
    procs = 150 + random.nextInt(200);
  }

  @Override
  public void prime(Set<MetricGroup> groups) {}

  @Override
  public long firstSampleDelayMillis() {
    return 0;
  }

  /** One snapshot stamped now. */
  public MetricsDataResponse collect(Set<MetricGroup> groups) {
    return collect(groups, clock.millis() / 1000);
  }

  @Override
  public synchronized MetricsDataResponse collect(Set<MetricGroup> groups, long timestamp) {
    long sentAt = clock.millis();
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder().setTimestamp(timestamp);
    if (groups.contains(MetricGroup.CPU)) {
      out.setCpu(cpu());
    }
    if (groups.contains(MetricGroup.MEMORY)) {
      out.setMemory(memory());
    }
    if (groups.contains(MetricGroup.DISK)) {
      addDisks(out);
    }
    if (groups.contains(MetricGroup.NETWORK)) {
      addNetwork(out);
    }
    if (groups.contains(MetricGroup.PROCESSES)) {
      procs = walk(procs, 4, 80, 900);
      int total = (int) procs;
      int running = 1 + random.nextInt(4);
      out.setProcesses(
          ProcessMetrics.newBuilder()
              .setTotalProcesses(total)
              .setRunningProcesses(running)
              .setSleepingProcesses(total - running)
              .setZombieProcesses(random.nextInt(50) == 0 ? 1 : 0));
    }
    if (groups.contains(MetricGroup.LOAD)) {
      double l = cpu / 100 * CORES;
      out.setLoad(LoadMetrics.newBuilder().setLoad1(l).setLoad5(l * 0.9).setLoad15(l * 0.8));
    }
    out.setCollection(CollectionStats.newBuilder().setDurationMs(0.05));
    out.setUnknownFields(
        UnknownFieldSet.newBuilder()
            .addField(SENT_AT_FIELD, UnknownFieldSet.Field.newBuilder().addVarint(sentAt).build())
            .build());
    return out.build();
  }

  private CpuMetrics cpu() {
    cpu = walk(cpu, 6, 1, 99);
    CpuMetrics.Builder c = CpuMetrics.newBuilder();
    for (int i = 0; i < CORES; i++) {
      cores[i] = walk(0.5 * cores[i] + 0.5 * cpu, 8, 0, 100);
      c.addCoreUsage(cores[i]);
    }
    double iowait = Math.min(100 - cpu, random.nextDouble(3));
    double user = cpu * 0.7;
    return c.setUsagePercent(cpu)
        .setUserPercent(user)
        .setSystemPercent(cpu - user)
        .setIowaitPercent(iowait)
        .setIdlePercent(100 - cpu - iowait)
        .setTemperatureCelsius(40 + cpu * 0.3)
        .build();
  }

  private MemoryMetrics memory() {
    memUsed = walk(memUsed, 0.01, 0.05, 0.97);
    long used = (long) (MEMORY * memUsed);
    long cached = (long) ((MEMORY - used) * 0.5);
    long buffers = cached / 10;
    long free = MEMORY - used - cached - buffers;
    return MemoryMetrics.newBuilder()
        .setTotalBytes(MEMORY)
        .setUsedBytes(used)
        .setAvailableBytes(free + cached + buffers)
        .setFreeBytes(free)
        .setCachedBytes(cached)
        .setBuffersBytes(buffers)
        .setUsagePercent(memUsed * 100)
        .setSwapTotalBytes(2 * GIB)
        .setSwapUsedBytes(0)
        .setSwapFreeBytes(2 * GIB)
        .build();
  }

  private void addDisks(MetricsDataResponse.Builder out) {
    for (int i = 0; i < DISKS.length; i++) {
      diskUsed[i] = walk(diskUsed[i], 0.0005, 0.01, 0.99);
      diskIo[i] = walk(diskIo[i], 5e5, 0, 2e8);
      long used = (long) (DISK_SIZES[i] * diskUsed[i]);
      long read = (long) (diskIo[i] * 0.6);
      long write = (long) (diskIo[i] * 0.4);
      out.addDisks(
          DiskMetrics.newBuilder()
              .setDevice(DISKS[i])
              .setMountPoint(MOUNTS[i])
              .setTotalBytes(DISK_SIZES[i])
              .setUsedBytes(used)
              .setAvailableBytes(DISK_SIZES[i] - used)
              .setUsagePercent(diskUsed[i] * 100)
              .setReadBytesPerSec(read)
              .setWriteBytesPerSec(write)
              .setReadOpsPerSec(read / 16384)
              .setWriteOpsPerSec(write / 16384)
              .setIoUtilPercent(Math.min(100, diskIo[i] / 2e6)));
    }
  }

  private void addNetwork(MetricsDataResponse.Builder out) {
    for (int i = 0; i < INTERFACES.length; i++) {
      netRate[i] = walk(netRate[i], 2e5, 0, 1.2e8);
      long recv = (long) netRate[i];
      long sent = (long) (netRate[i] * 0.3);
      out.addNetworkInterfaces(
          NetworkMetrics.newBuilder()
              .setInterface(INTERFACES[i])
              .setBytesRecvPerSec(recv)
              .setBytesSentPerSec(sent)
              .setPacketsRecvPerSec(recv / 1200)
              .setPacketsSentPerSec(sent / 900));
    }
  }

  /** One bounded random-walk step. */
  private double walk(double value, double step, double min, double max) {
    double next = value + (random.nextDouble() * 2 - 1) * step;
    return Math.max(min, Math.min(max, next));
  }

  @Override
  public SystemInfoResponse systemInfo(SystemInfoRequest request) {
    SystemInfoResponse.Builder b =
        SHARED_INFO.toBuilder().setTimestamp(clock.instant().getEpochSecond());
    b.getSoftwareBuilder().setHostname(hostname);
    return b.build();
  }

  private static SystemInfoResponse buildSystemInfo() {
    SystemHardware.Builder hw =
        SystemHardware.newBuilder()
            .setCpu(
                CpuInfo.newBuilder()
                    .setModel("Simulated CPU @ 2.40GHz")
                    .setCores(CORES)
                    .setThreads(CORES)
                    .setBaseFrequencyGhz(2.4)
                    .setMaxFrequencyGhz(3.2)
                    .addFeatures("sse4_2")
                    .addFeatures("avx2"))
            .setMemory(
                MemoryInfo.newBuilder()
                    .setTotalBytes(MEMORY)
                    .setAvailableBytes(MEMORY / 2)
                    .setMemoryType("DDR4")
                    .setSpeedMhz(3200))
            .setArchitecture("amd64")
            .setCoreCount(CORES)
            .setThreadCount(CORES);
    for (int i = 0; i < DISKS.length; i++) {
      hw.addDisks(
          DiskInfo.newBuilder()
              .setDevice(DISKS[i])
              .setMountPoint(MOUNTS[i])
              .setFilesystem("ext4")
              .setTotalBytes(DISK_SIZES[i])
              .setAvailableBytes(DISK_SIZES[i] / 2)
              .setDiskType(i == 0 ? "SSD" : "HDD"));
    }
    SystemSoftware.Builder sw =
        SystemSoftware.newBuilder()
            .setOs(
                OperatingSystem.newBuilder()
                    .setName("Debian GNU/Linux")
                    .setVersion("12 (bookworm)")
                    .setKernelVersion("6.1.0-sim")
                    .setDistribution("debian"))
            .setUptimeSeconds(86_400)
            .addPackages(
                InstalledPackage.newBuilder()
                    .setName("openssl")
                    .setVersion("3.0.15-1~deb12u1")
                    .setPackageManager("dpkg"));
    SystemInfoResponse.Builder info =
        SystemInfoResponse.newBuilder().setHardware(hw).setSoftware(sw);
    for (int i = 0; i < INTERFACES.length; i++) {
      info.addNetworkInterfaces(
          NetworkInterface.newBuilder()
              .setName(INTERFACES[i])
              .setMacAddress(String.format("02:00:00:00:00:%02x", i + 1))
              .addIpAddresses("10.0." + i + ".10")
              .setSpeedMbps(10_000)
              .setIsUp(true));
    }
    return info.build();
  }
}
