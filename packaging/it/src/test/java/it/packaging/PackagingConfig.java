package it.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the build put the artefacts under test and which ports the tests may use. */
final class PackagingConfig {

  private PackagingConfig() {}

  /** The repository root (the Ansible role and its example playbook live there). */
  static Path repoDir() {
    return Path.of(System.getProperty("repo.dir", "../..")).toAbsolutePath().normalize();
  }

  /** A scratch directory for this module's tests. */
  static Path workDir() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")));
  }

  static Path agentJar() {
    return Path.of(System.getProperty("agent.jar", "../../agent-jar/target/nodelink-agent.jar"));
  }

  static Path serverPackage() {
    return Path.of(System.getProperty("server.package", "../server/target/nodelink-server.jar"));
  }

  /** The agent's .deb the build made, if it made one (Linux builds). */
  static Optional<Path> agentDeb() {
    return agentPackage("nodelink-agent_", ".deb");
  }

  /** The agent's .rpm the build made, if it made one (where rpmbuild is installed). */
  static Optional<Path> agentRpm() {
    return agentPackage("nodelink-agent-", ".noarch.rpm");
  }

  private static Optional<Path> agentPackage(String prefix, String suffix) {
    Path dir = Path.of(System.getProperty("agent.packages.dir", "../agent/target"));
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().startsWith(prefix)
                      && p.getFileName().toString().endsWith(suffix))
          .findFirst()
          .map(p -> p.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The packaged server's HTTP, admin, gRPC, HTTPS and admin HTTPS ports: it.port.base + 30 to +
   * 34.
   */
  static int port(int offset) {
    return Integer.getInteger("it.port.base", 18180) + 30 + offset;
  }
}
