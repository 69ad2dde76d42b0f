package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.ProcFs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the {@code /proc} files a collector needs are there ({@code collectors=auto}): absent on
 * Windows and macOS, in a container without {@code /proc}, or under a {@code --procfs} root that
 * holds none of them.
 */
public final class ProcfsProbe {
  private final ProcFs fs;

  public ProcfsProbe(ProcFs fs) {
    this.fs = fs;
  }

  /** True when every one of the files under the procfs root is readable. */
  public boolean hasFiles(String... relative) {
    for (String r : relative) {
      if (!Files.isReadable(fs.proc(r))) {
        return false;
      }
    }
    return true;
  }

  /** True when the procfs root lists at least one process ({@code [pid]/stat}). */
  public boolean hasProcesses() {
    if (!Files.isDirectory(fs.proc())) {
      return false;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(fs.proc(), "[0-9]*")) {
      for (Path dir : dirs) {
        if (Files.isReadable(dir.resolve("stat"))) {
          return true;
        }
      }
    } catch (IOException | SecurityException e) {
      return false;
    }
    return false;
  }
}
