package it.packaging;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * This machine's Debian package manager as the package tests use it. They install and purge {@code
 * nodelink-agent}, so they run only as root with dpkg present and leave a machine that already has
 * the package installed alone.
 */
final class DebianMachine {

  static final String PACKAGE = "nodelink-agent";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private DebianMachine() {}

  /** The built .deb, after skipping the test where it cannot be installed here. */
  static Path assumeInstallable() {
    Path deb =
        PackagingConfig.agentDeb()
            .orElseThrow(
                () -> new org.opentest4j.TestAbortedException("no .deb built (Linux builds)"));
    Assumptions.assumeTrue(
        Commands.available("dpkg") && Commands.root(),
        "package install test skipped: needs dpkg and root (.ci/run runs as root on Debian)");
    Assumptions.assumeTrue(
        status().isEmpty(),
        "package install test skipped: "
            + PACKAGE
            + " is on this machine ("
            + status()
            + "); purge it to run the test");
    return deb;
  }

  /** Whether the package is installed (not merely its configuration files left). */
  static boolean installed() {
    return status().startsWith("install ok installed");
  }

  /** dpkg's status of the package ("" when dpkg knows nothing of it). */
  static String status() {
    Commands.Result r = Commands.run(TIMEOUT, List.of("dpkg-query", "-W", "-f=${Status}", PACKAGE));
    return r.exitCode() == 0 ? r.output().trim() : "";
  }

  /** The paths the installed package owns ({@code dpkg -L}). */
  static List<String> files() {
    return Arrays.stream(dpkg("-L", PACKAGE).output().split("\n"))
        .map(String::trim)
        .filter(line -> line.startsWith("/"))
        .toList();
  }

  static Commands.Result dpkg(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("dpkg"));
    command.addAll(List.of(args));
    return Commands.run(TIMEOUT, command, java.util.Map.of("DEBIAN_FRONTEND", "noninteractive"));
  }

  /** Purges the package if any of it is left (after a failed test). */
  static void purgeQuietly() {
    if (!status().isEmpty()) {
      dpkg("--purge", PACKAGE);
    }
  }
}
