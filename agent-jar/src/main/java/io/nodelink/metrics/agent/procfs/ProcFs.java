package io.nodelink.metrics.agent.procfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's pseudo filesystems: procfs, sysfs and the root filesystem (for {@code /etc} and
 * package databases). Each root is configurable so tests run on fixture trees and a containerised
 * agent can read the host's trees mounted elsewhere.
 */
public final class ProcFs {
  private final Path proc;
  private final Path sys;
  private final Path rootfs;

  /** Creates a view over the given roots (normally {@code /proc}, {@code /sys}, {@code /}). */
  public ProcFs(Path proc, Path sys, Path rootfs) {
    this.proc = proc;
    this.sys = sys;
    this.rootfs = rootfs;
  }

  /** The live system's roots. */
  public static ProcFs system() {
    return new ProcFs(Path.of("/proc"), Path.of("/sys"), Path.of("/"));
  }

  public Path proc() {
    return proc;
  }

  public Path sys() {
    return sys;
  }

  public Path rootfs() {
    return rootfs;
  }

  /** A path under procfs, e.g. {@code proc("meminfo")}. */
  public Path proc(String relative) {
    return proc.resolve(relative);
  }

  /** A path under sysfs. */
  public Path sys(String relative) {
    return sys.resolve(relative);
  }

  /** A path under the root filesystem, e.g. {@code root("etc/os-release")}. */
  public Path root(String relative) {
    return rootfs.resolve(relative);
  }

  /** All lines of a procfs file. */
  public List<String> procLines(String relative) throws IOException {
    return Files.readAllLines(proc(relative), StandardCharsets.UTF_8);
  }

  /** The first line of a small file, trimmed, or {@code fallback} when unreadable. */
  public static String firstLine(Path file, String fallback) {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.findFirst().map(String::trim).orElse(fallback);
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
  }
}
