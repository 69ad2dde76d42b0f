package io.nodelink.metrics.bench.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: CPU model, cores, load average, JVM. */
public final class Machine {

  private Machine() {}

  public static String cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String line : lines) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // Not Linux: fall through to what the JVM knows.
    }
    return System.getProperty("os.arch");
  }

  /** The three load averages as /proc/loadavg gives them. */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return String.format(
          "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  public static String describe() {
    return String.format(
        "%s, %d cores, %s, Java %s, heap max %d MiB",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** A line to print before a measurement: the load average now. */
  public static String loadLine() {
    return "load average " + loadAverage();
  }
}
