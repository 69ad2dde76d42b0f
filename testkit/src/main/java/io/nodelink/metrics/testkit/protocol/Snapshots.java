package io.nodelink.metrics.testkit.protocol;

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
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import java.time.Instant;

/**
 * Protobuf payloads with every group filled and values a test can predict. The instances are one
 * core pair, disk {@code sda1} and interface {@code eth0}, so the per-instance series are {@link
 * io.nodelink.metrics.testkit.contract.ContractSeries#SAMPLE_INSTANCE_SERIES}.
 */
public final class Snapshots {

  /** The CPU usage of {@link #sample(long)}. */
  public static final double DEFAULT_CPU_PERCENT = 12.5;

  /** 2^53 + 1: the first integer a double cannot hold; a JSON number must still carry it. */
  public static final long BEYOND_DOUBLE_PRECISION = (1L << 53) + 1;

  private static final long GIB = 1L << 30;

  private Snapshots() {}

  /** Unix seconds now. */
  public static long nowSeconds() {
    return Instant.now().getEpochSecond();
  }

  /** A full snapshot with CPU usage {@link #DEFAULT_CPU_PERCENT} and memory usage 50 %. */
  public static MetricsDataResponse sample(long timestampSeconds) {
    return sample(timestampSeconds, DEFAULT_CPU_PERCENT);
  }

  /**
   * A full snapshot whose CPU usage is {@code cpuPercent} (core 0 the same, core 1 half of it) and
   * memory usage 50 %.
   */
  public static MetricsDataResponse sample(long timestampSeconds, double cpuPercent) {
    return MetricsDataResponse.newBuilder()
        .setTimestamp(timestampSeconds)
        .setCpu(
            CpuMetrics.newBuilder()
                .setUsagePercent(cpuPercent)
                .addCoreUsage(cpuPercent)
                .addCoreUsage(cpuPercent / 2)
                .setUserPercent(cpuPercent * 0.75)
                .setSystemPercent(cpuPercent * 0.25)
                .setIdlePercent(100 - cpuPercent)
                .setIowaitPercent(0.5)
                .setTemperatureCelsius(41.5))
        .setMemory(
            MemoryMetrics.newBuilder()
                .setTotalBytes(16 * GIB)
                .setUsedBytes(8 * GIB)
                .setAvailableBytes(8 * GIB)
                .setFreeBytes(4 * GIB)
                .setCachedBytes(3 * GIB)
                .setBuffersBytes(GIB)
                .setUsagePercent(50.0)
                .setSwapTotalBytes(2 * GIB)
                .setSwapUsedBytes(GIB / 2)
                .setSwapFreeBytes(3 * GIB / 2)
                .setSwapUsagePercent(25.0))
        .addDisks(
            DiskMetrics.newBuilder()
                .setDevice("sda1")
                .setMountPoint("/")
                .setTotalBytes(100 * GIB)
                .setUsedBytes(40 * GIB)
                .setAvailableBytes(60 * GIB)
                .setUsagePercent(40.0)
                .setReadBytesPerSec(1000)
                .setWriteBytesPerSec(2000)
                .setReadOpsPerSec(10)
                .setWriteOpsPerSec(20)
                .setIoUtilPercent(3.5))
        .addNetworkInterfaces(
            NetworkMetrics.newBuilder()
                .setInterface("eth0")
                .setBytesSentPerSec(1500)
                .setBytesRecvPerSec(3000)
                .setPacketsSentPerSec(15)
                .setPacketsRecvPerSec(30)
                .setErrorsIn(1)
                .setErrorsOut(2)
                .setDropsIn(3)
                .setDropsOut(4))
        .setProcesses(
            ProcessMetrics.newBuilder()
                .setTotalProcesses(200)
                .setRunningProcesses(2)
                .setSleepingProcesses(190)
                .setZombieProcesses(1)
                .addTaskProcesses(
                    TaskProcessMetrics.newBuilder()
                        .setTaskId("web")
                        .setPid(1234)
                        .setCpuPercent(1.5)
                        .setMemoryBytes(64L << 20)
                        .setVirtualMemoryBytes(GIB)
                        .setThreads(12)
                        .setReadBytes(4096)
                        .setWriteBytes(8192)))
        .setLoad(LoadMetrics.newBuilder().setLoad1(0.5).setLoad5(0.4).setLoad15(0.3))
        .setCollection(CollectionStats.newBuilder().setDurationMs(12.5))
        .build();
  }

  /** System information with every field filled. */
  public static SystemInfoResponse systemInfo(String hostname) {
    return SystemInfoResponse.newBuilder()
        .setTimestamp(nowSeconds())
        .setHardware(
            SystemHardware.newBuilder()
                .setCpu(
                    CpuInfo.newBuilder()
                        .setModel("Test CPU 9000")
                        .setCores(4)
                        .setThreads(8)
                        .setBaseFrequencyGhz(2.4)
                        .setMaxFrequencyGhz(3.8)
                        .addFeatures("sse4_2")
                        .addFeatures("avx2"))
                .setMemory(
                    MemoryInfo.newBuilder()
                        .setTotalBytes(BEYOND_DOUBLE_PRECISION)
                        .setAvailableBytes(8 * GIB)
                        .setMemoryType("DDR4")
                        .setSpeedMhz(3200))
                .addDisks(
                    DiskInfo.newBuilder()
                        .setDevice("sda1")
                        .setMountPoint("/")
                        .setFilesystem("ext4")
                        .setTotalBytes(100 * GIB)
                        .setAvailableBytes(60 * GIB)
                        .setDiskType("SSD"))
                .setArchitecture("amd64")
                .setCoreCount(4)
                .setThreadCount(8))
        .setSoftware(
            SystemSoftware.newBuilder()
                .setOs(
                    OperatingSystem.newBuilder()
                        .setName("Linux")
                        .setVersion("12")
                        .setKernelVersion("6.1.0")
                        .setDistribution("Debian"))
                .setHostname(hostname)
                .setUptimeSeconds(123456)
                .addPackages(
                    InstalledPackage.newBuilder()
                        .setName("openjdk-17-jre")
                        .setVersion("17.0.15")
                        .setPackageManager("dpkg")))
        .addNetworkInterfaces(
            NetworkInterface.newBuilder()
                .setName("eth0")
                .setMacAddress("02:00:00:00:00:01")
                .addIpAddresses("192.0.2.10")
                .setSpeedMbps(1000)
                .setIsUp(true))
        .build();
  }
}
