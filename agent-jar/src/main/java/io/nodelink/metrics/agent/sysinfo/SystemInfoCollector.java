package io.nodelink.metrics.agent.sysinfo;

import io.nodelink.metrics.agent.collect.DiskSpace;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.NameFilter;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.pb.CpuInfo;
import io.nodelink.metrics.pb.MemoryInfo;
import io.nodelink.metrics.pb.NetworkInterface;
import io.nodelink.metrics.pb.OperatingSystem;
import io.nodelink.metrics.pb.SystemHardware;
import io.nodelink.metrics.pb.SystemInfoRequest;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.PhysicalMemory;

/**
 * Answers system_info requests: hardware (CPU, memory, disks), software (OS, hostname, uptime,
 * packages) and network interfaces. Each part that fails is logged and left at its defaults; the
 * rest is still reported.
 */
public final class SystemInfoCollector {
  private static final Logger LOG = Logger.getLogger(SystemInfoCollector.class.getName());

  private final HardwareAbstractionLayer hal;
  private final oshi.software.os.OperatingSystem os;
  private final ProcFs fs;
  private final SystemDisks disks;
  private final PackageSource packages;
  private final NameFilter interfaces;
  private final Clock clock;

  /** A collector reading filesystems from {@code /proc} and packages from Linux's databases. */
  public SystemInfoCollector(
      HardwareAbstractionLayer hal,
      oshi.software.os.OperatingSystem os,
      ProcFs fs,
      Filesystems filesystems,
      DiskSpace space,
      NameFilter interfaces,
      Clock clock) {
    this(
        hal,
        os,
        fs,
        SystemDisks.procfs(fs, filesystems, space),
        new Packages(fs),
        interfaces,
        clock);
  }

  /**
   * A collector with the given sources of filesystems and packages; the OS, kernel and hostname
   * come from {@code /etc/os-release} and {@code /proc} where present, from OSHI otherwise.
   */
  public SystemInfoCollector(
      HardwareAbstractionLayer hal,
      oshi.software.os.OperatingSystem os,
      ProcFs fs,
      SystemDisks disks,
      PackageSource packages,
      NameFilter interfaces,
      Clock clock) {
    this.hal = hal;
    this.os = os;
    this.fs = fs;
    this.disks = disks;
    this.packages = packages;
    this.interfaces = interfaces;
    this.clock = clock;
  }

  /**
   * Collects what the request asks for; a request with no part flagged asks for everything (the
   * proto3 default of an empty request).
   */
  public synchronized SystemInfoResponse collect(SystemInfoRequest request) {
    boolean all =
        !request.getIncludeHardware()
            && !request.getIncludeSoftware()
            && !request.getIncludeNetwork();
    SystemInfoResponse.Builder out =
        SystemInfoResponse.newBuilder().setTimestamp(clock.instant().getEpochSecond());
    if (all || request.getIncludeHardware()) {
      out.setHardware(safely("hardware", this::hardware, SystemHardware.getDefaultInstance()));
    }
    if (all || request.getIncludeSoftware()) {
      out.setSoftware(safely("software", this::software, SystemSoftware.getDefaultInstance()));
    }
    if (all || request.getIncludeNetwork()) {
      out.addAllNetworkInterfaces(safely("network", this::networkInterfaces, List.of()));
    }
    return out.build();
  }

  private interface Part<T> {
    T get() throws Exception;
  }

  private static <T> T safely(String what, Part<T> part, T fallback) {
    try {
      return part.get();
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "system info {0} failed: {1}", new Object[] {what, e.toString()});
      return fallback;
    }
  }

  SystemHardware hardware() {
    CentralProcessor cpu = hal.getProcessor();
    SystemHardware.Builder hw =
        SystemHardware.newBuilder()
            .setCpu(safely("cpu", () -> cpuInfo(cpu), CpuInfo.getDefaultInstance()))
            .setMemory(safely("memory", this::memoryInfo, MemoryInfo.getDefaultInstance()))
            .addAllDisks(safely("disks", disks::list, List.of()))
            .setArchitecture(architecture(System.getProperty("os.arch", "")))
            .setCoreCount(Math.max(0, cpu.getPhysicalProcessorCount()))
            .setThreadCount(Math.max(0, cpu.getLogicalProcessorCount()));
    return hw.build();
  }

  private CpuInfo cpuInfo(CentralProcessor cpu) {
    CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
    double base = hz(id.getVendorFreq());
    if (base == 0) {
      base = khzFile("devices/system/cpu/cpu0/cpufreq/base_frequency");
    }
    if (base == 0) {
      long[] current = cpu.getCurrentFreq();
      base = current.length > 0 ? hz(current[0]) : 0;
    }
    double max = hz(cpu.getMaxFreq());
    return CpuInfo.newBuilder()
        .setModel(id.getName() == null ? "" : id.getName().trim())
        .setCores(Math.max(0, cpu.getPhysicalProcessorCount()))
        .setThreads(Math.max(0, cpu.getLogicalProcessorCount()))
        .setBaseFrequencyGhz(base)
        .setMaxFrequencyGhz(max > 0 ? max : base)
        .addAllFeatures(parseFeatureFlags(cpu.getFeatureFlags()))
        .build();
  }

  private static double hz(long hz) {
    return hz > 0 ? Math.round(hz / 1e7) / 100.0 : 0;
  }

  private double khzFile(String relative) {
    String v = ProcFs.firstLine(fs.sys(relative), "");
    try {
      return v.isEmpty() ? 0 : Math.round(Long.parseLong(v) / 1e4) / 100.0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Flags from OSHI's cpuinfo lines ({@code flags : fpu vme ...}), de-duplicated, in order. */
  static List<String> parseFeatureFlags(List<String> lines) {
    Set<String> flags = new LinkedHashSet<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      String list = colon >= 0 ? line.substring(colon + 1) : line;
      for (String f : list.trim().split("\\s+")) {
        if (!f.isEmpty()) {
          flags.add(f);
        }
      }
    }
    return new ArrayList<>(flags);
  }

  private MemoryInfo memoryInfo() {
    GlobalMemory mem = hal.getMemory();
    MemoryInfo.Builder m =
        MemoryInfo.newBuilder().setTotalBytes(mem.getTotal()).setAvailableBytes(mem.getAvailable());
    // DIMM type and speed need SMBIOS (root and dmidecode); unknown stays "" and 0.
    List<PhysicalMemory> dimms = safely("physical memory", mem::getPhysicalMemory, List.of());
    for (PhysicalMemory dimm : dimms) {
      String type = dimm.getMemoryType();
      if (type != null && !type.isBlank() && !type.equalsIgnoreCase("unknown")) {
        m.setMemoryType(type);
        m.setSpeedMhz((int) Math.max(0, dimm.getClockSpeed() / 1_000_000));
        break;
      }
    }
    return m.build();
  }

  /** Go's GOARCH names (what NodeLink agents report) for the JVM's os.arch. */
  static String architecture(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      default -> osArch;
    };
  }

  SystemSoftware software() {
    Map<String, String> release =
        safely(
            "os-release",
            () -> {
              Path etc = fs.root("etc/os-release");
              Path lib = fs.root("usr/lib/os-release");
              return OsRelease.parse(Files.readAllLines(Files.exists(etc) ? etc : lib));
            },
            Map.of());
    oshi.software.os.OperatingSystem.OSVersionInfo v = os.getVersionInfo();
    String kernel =
        ProcFs.firstLine(
            fs.proc("sys/kernel/osrelease"), nz(v == null ? null : v.getBuildNumber()));
    String hostname =
        ProcFs.firstLine(
            fs.proc("sys/kernel/hostname"),
            nz(safely("hostname", () -> os.getNetworkParams().getHostName(), "")));
    return SystemSoftware.newBuilder()
        .setOs(
            OperatingSystem.newBuilder()
                .setName(release.getOrDefault("NAME", nz(os.getFamily())))
                .setVersion(
                    release.getOrDefault(
                        "VERSION",
                        release.getOrDefault("VERSION_ID", nz(v == null ? null : v.getVersion()))))
                .setKernelVersion(kernel)
                .setDistribution(release.getOrDefault("ID", distribution(os.getFamily()))))
        .setHostname(hostname)
        .setUptimeSeconds(Math.max(0, os.getSystemUptime()))
        .addAllPackages(packages.list())
        .build();
  }

  private List<NetworkInterface> networkInterfaces() {
    List<NetworkInterface> out = new ArrayList<>();
    for (NetworkIF nif : hal.getNetworkIFs(true)) {
      if (!interfaces.accepts(nif.getName())) {
        continue;
      }
      NetworkInterface.Builder n =
          NetworkInterface.newBuilder()
              .setName(nif.getName())
              .setMacAddress(nz(nif.getMacaddr()))
              .setSpeedMbps(Math.max(0, nif.getSpeed() / 1_000_000))
              .setIsUp(isUp(nif));
      for (String ip : nif.getIPv4addr()) {
        n.addIpAddresses(ip);
      }
      for (String ip : nif.getIPv6addr()) {
        n.addIpAddresses(compressIpv6(ip));
      }
      out.add(n.build());
    }
    return out;
  }

  private static boolean isUp(NetworkIF nif) {
    NetworkIF.IfOperStatus status = nif.getIfOperStatus();
    if (status == NetworkIF.IfOperStatus.UP) {
      return true;
    }
    if (status == NetworkIF.IfOperStatus.UNKNOWN) {
      try {
        java.net.NetworkInterface ni = nif.queryNetworkInterface();
        return ni != null && ni.isUp();
      } catch (java.net.SocketException e) {
        return false;
      }
    }
    return false;
  }

  /** The shortest form of an IPv6 address ({@code fe80:0:0:0:1:2:3:4} → {@code fe80::1:2:3:4}). */
  static String compressIpv6(String ip) {
    String[] groups = ip.split(":", -1);
    if (groups.length != 8 || ip.contains("::")) {
      return ip;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (isZero(groups[i])) {
        int j = i;
        while (j < 8 && isZero(groups[j])) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    List<String> parts = new ArrayList<>();
    for (String g : groups) {
      parts.add(g.replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT));
    }
    if (bestStart < 0) {
      return String.join(":", parts);
    }
    String head = String.join(":", parts.subList(0, bestStart));
    String tail = String.join(":", parts.subList(bestStart + bestLen, 8));
    return head + "::" + tail;
  }

  private static boolean isZero(String group) {
    return group.matches("0+");
  }

  /**
   * Where {@code /etc/os-release} is missing (Windows, macOS): Go's GOOS names, which the original
   * agent reports as its platform.
   */
  static String distribution(String family) {
    String f = nz(family).toLowerCase(Locale.ROOT);
    if (f.contains("windows")) {
      return "windows";
    }
    if (f.contains("mac") || f.contains("darwin")) {
      return "darwin";
    }
    return "";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
