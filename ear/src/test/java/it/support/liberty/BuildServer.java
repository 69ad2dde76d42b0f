package it.support.liberty;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Liberty server the build created and started ({@code nodelink}): the template of every extra
 * instance, and the runtime they share. Failsafe passes its directory as {@code
 * liberty.server.dir}.
 */
final class BuildServer {

  private BuildServer() {}

  /** {@code wlp/usr/servers/nodelink}. */
  static Path directory() {
    Path dir =
        Path.of(System.getProperty("liberty.server.dir", "target/liberty/wlp/usr/servers/nodelink"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(dir.resolve("server.xml"))) {
      throw new IllegalStateException(
          "no built Liberty server at " + dir + " (run the ear module's integration tests)");
    }
    return dir;
  }

  /** {@code wlp}, the runtime: three levels above the server directory. */
  static Path runtime() {
    return directory().getParent().getParent().getParent();
  }
}
