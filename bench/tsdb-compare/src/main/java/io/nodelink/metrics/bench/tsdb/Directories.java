package io.nodelink.metrics.bench.tsdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Sizes and removal of the benchmark's data directories. */
final class Directories {

  private Directories() {}

  /** Sum of the sizes of the regular files below {@code dir} (0 if it does not exist). */
  static long size(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(Directories::sizeOrZero).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // A TSDB deletes temporary files while we walk its directory.
  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Bytes as MiB with one decimal, for the log lines. */
  static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
