package io.nodelink.metrics.agent.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The host the agent runs on, as it presents itself when it connects (call metadata {@code
 * agent_hostname} and {@code agent_machine_id}, docs/wire-protocol.md): the server tells two hosts
 * that were given the same agent id apart by it. The hostname is the one the system info reports
 * ({@code /proc/sys/kernel/hostname}); the machine id is {@code /etc/machine-id}. A part that
 * cannot be read, or holds characters outside {@code [A-Za-z0-9._:-]}, is left out.
 *
 * @param hostname "" if unknown
 * @param machineId "" if unknown
 */
public record HostIdentity(String hostname, String machineId) {

  // Before NONE: the constructor needs it.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,255}");

  /** Presents nothing (simulated agents, tests). */
  public static final HostIdentity NONE = new HostIdentity("", "");

  public HostIdentity {
    hostname = safe(hostname);
    machineId = safe(machineId);
  }

  /** Reads the identity under {@code procRoot} and {@code rootfs} (fixture trees in tests). */
  public static HostIdentity read(Path procRoot, Path rootfs) {
    return new HostIdentity(
        firstLine(procRoot.resolve("sys/kernel/hostname")),
        firstLine(rootfs.resolve("etc/machine-id")));
  }

  /**
   * This identity with its unknown parts taken from {@code fallback} (hosts without {@code /proc}
   * or {@code /etc/machine-id}: Windows, macOS), asked only if a part is missing.
   */
  public HostIdentity orElse(Supplier<HostIdentity> fallback) {
    if (!hostname.isEmpty() && !machineId.isEmpty()) {
      return this;
    }
    HostIdentity other = fallback.get();
    return new HostIdentity(
        hostname.isEmpty() ? other.hostname() : hostname,
        machineId.isEmpty() ? other.machineId() : machineId);
  }

  private static String firstLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "" : lines.get(0).trim();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String safe(String value) {
    return value != null && SAFE.matcher(value).matches() ? value : "";
  }
}
