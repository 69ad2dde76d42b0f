package io.nodelink.metrics.server.view;

import java.util.List;

/** {@code GET /agents/{id}/system}: hardware, software and network interfaces of the host. */
public record SystemInfoDto(
    String agentId,
    long timestamp,
    Hardware hardware,
    Software software,
    List<NetworkInterface> networkInterfaces) {

  /** Hardware. */
  public record Hardware(
      Cpu cpu,
      Memory memory,
      List<Disk> disks,
      String architecture,
      long coreCount,
      long threadCount) {}

  /** The processor. */
  public record Cpu(
      String model,
      long cores,
      long threads,
      double baseFrequencyGhz,
      double maxFrequencyGhz,
      List<String> features) {}

  /** Installed memory. */
  public record Memory(long totalBytes, long availableBytes, String memoryType, long speedMhz) {}

  /** A disk or file system. */
  public record Disk(
      String device,
      String mountPoint,
      String filesystem,
      long totalBytes,
      long availableBytes,
      String diskType) {}

  /** Software. */
  public record Software(
      Os os, String hostname, long uptimeSeconds, List<InstalledPackage> packages) {}

  /** The operating system. */
  public record Os(String name, String version, String kernelVersion, String distribution) {}

  /** An installed package. */
  public record InstalledPackage(String name, String version, String packageManager) {}

  /** A network interface. */
  public record NetworkInterface(
      String name, String macAddress, List<String> ipAddresses, long speedMbps, boolean isUp) {}
}
