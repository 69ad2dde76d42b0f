package io.nodelink.metrics.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Warns about secrets (agent tokens, private keys) that every local user can read. */
public final class FilePermissions {

  private static final Logger LOG = Logger.getLogger(FilePermissions.class.getName());

  private FilePermissions() {}

  /** Whether others (not owner, not group) may read {@code file}; false where POSIX is absent. */
  public static boolean isWorldReadable(Path file) {
    try {
      return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  /**
   * Logs a warning if {@code file} (a {@code what}, e.g. "agent tokens file") is world-readable.
   */
  public static void warnIfWorldReadable(Path file, String what) {
    if (isWorldReadable(file)) {
      LOG.log(
          Level.WARNING,
          "The {0} {1} can be read by every user of this machine: chmod 600 (or 640 with the"
              + " server's group)",
          new Object[] {what, file});
    }
  }
}
