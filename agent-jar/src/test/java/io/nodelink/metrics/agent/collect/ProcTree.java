package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fixture procfs/sysfs/rootfs tree in a temporary directory. */
final class ProcTree {
  final Path root;
  final ProcFs fs;

  ProcTree(Path root) {
    this.root = root;
    this.fs = new ProcFs(root.resolve("proc"), root.resolve("sys"), root.resolve("rootfs"));
  }

  ProcTree proc(String relative, String content) {
    return write(fs.proc(relative), content);
  }

  ProcTree sys(String relative, String content) {
    return write(fs.sys(relative), content);
  }

  void removeProc(String relative) {
    try {
      Path p = fs.proc(relative);
      try (var walk = Files.walk(p)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcTree write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
