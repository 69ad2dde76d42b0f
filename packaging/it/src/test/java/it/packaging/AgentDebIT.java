package it.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's .deb on this machine: lintian accepts it; installed, its unit verifies, the agent
 * started as the unit starts it (its user, its command line, a clean environment) connects to the
 * packaged server; an upgrade keeps the configuration; remove and purge leave nothing behind.
 * systemd is not PID 1 here, so systemctl cannot start the service: the test runs the unit's
 * ExecStart as its User instead.
 */
@ExtendWith(PackagedServer.Resolver.class)
class AgentDebIT {

  private static final Path UNIT = Path.of("/lib/systemd/system/nodelink-agent.service");
  private static final Path CONFIG = Path.of("/etc/nodelink/agent.properties");
  private static final Path TOKEN = Path.of("/etc/nodelink/agent.token");

  /** The PATH systemd gives services. */
  private static final String SYSTEMD_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Set once this test may have installed the package (never for a machine's own install). */
  private boolean installing;

  @AfterEach
  void purge() {
    if (installing) {
      DebianMachine.purgeQuietly();
    }
  }

  @Test
  void lintianFindsNoErrors() {
    Path deb = PackagingConfig.agentDeb().orElse(null);
    Assumptions.assumeTrue(deb != null && Commands.available("lintian"), "no lintian or no .deb");

    Commands.Result lintian =
        Commands.run(
            Duration.ofMinutes(3), List.of("lintian", "--fail-on", "error", deb.toString()));

    assertThat(lintian.exitCode()).as(lintian.output()).isZero();
    assertThat(lintian.output()).doesNotContain("E: ");
  }

  @Test
  void installsRunsAsItsUnitWouldAndPurgesCleanly(PackagedServer server) throws Exception {
    Path deb = DebianMachine.assumeInstallable();
    installing = true;

    DebianMachine.dpkg("--install", deb.toString()).ok();
    List<String> owned = DebianMachine.files();
    assertInstalledLayout();
    verifyUnit();

    configure(server.grpcTarget(), "pkg-deb", PackagedServer.TOKENS.get("pkg-deb"));
    runAsUnitUntilConnected(server, "pkg-deb");

    DebianMachine.dpkg("--install", deb.toString()).ok(); // an upgrade to the same version
    assertThat(Files.readString(CONFIG)).contains("server=" + server.grpcTarget());
    assertThat(Files.readString(TOKEN).trim()).isEqualTo(PackagedServer.TOKENS.get("pkg-deb"));

    DebianMachine.dpkg("--remove", DebianMachine.PACKAGE).ok();
    assertThat(DebianMachine.status()).startsWith("deinstall ok config-files");
    assertThat(Path.of("/usr/bin/nodelink-agent")).doesNotExist();
    assertThat(Path.of("/usr/share/nodelink-agent")).doesNotExist();
    assertThat(CONFIG).exists();

    DebianMachine.dpkg("--purge", DebianMachine.PACKAGE).ok();
    assertNothingLeft(owned);
  }

  private static void assertInstalledLayout() throws IOException {
    assertThat(DebianMachine.status()).isEqualTo("install ok installed");
    PosixFileAttributes token =
        Files.readAttributes(TOKEN, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    assertThat(PosixFilePermissions.toString(token.permissions())).isEqualTo("rw-r-----");
    assertThat(token.owner().getName()).isEqualTo("root");
    assertThat(token.group().getName()).isEqualTo("nodelink");
    String user =
        Commands.run(Duration.ofSeconds(10), List.of("getent", "passwd", "nodelink")).ok().output();
    assertThat(user).contains(":/nonexistent:").containsPattern("nologin|/bin/false");
    assertThat(Path.of("/etc/systemd/system/multi-user.target.wants/nodelink-agent.service"))
        .as("enabled at install")
        .exists();
    assertThat(
            Commands.run(Duration.ofMinutes(1), List.of("/usr/bin/nodelink-agent", "--version"))
                .ok()
                .output())
        .contains("nodelink-agent");
  }

  private static void verifyUnit() {
    Assumptions.assumeTrue(Commands.available("systemd-analyze"), "no systemd-analyze");
    Commands.Result verify =
        Commands.run(Duration.ofMinutes(1), List.of("systemd-analyze", "verify", UNIT.toString()));
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output()).doesNotContain("nodelink-agent.service:");
  }

  /** What an operator does after installing: point the agent at a server, give it its token. */
  private static void configure(String server, String agentId, String token) throws IOException {
    String properties =
        Files.readString(CONFIG).replaceFirst("(?m)^server=.*$", "server=" + server)
            + "\nagent.id="
            + agentId
            + "\n";
    Files.writeString(CONFIG, properties);
    Files.writeString(TOKEN, token + "\n"); // the file keeps its owner and mode
  }

  private static void runAsUnitUntilConnected(PackagedServer server, String agentId)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", unitValue("User"), "--"));
    command.addAll(List.of(unitValue("ExecStart").split("\\s+")));
    Path log = PackagingConfig.workDir().resolve(agentId + ".log");
    try (AgentRun agent =
        AgentRun.start(
            command, Path.of("/"), Map.of("PATH", SYSTEMD_PATH, "LANG", "C.UTF-8"), log)) {
      await("agent " + agentId + " started as the unit would, connected")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .failFast("the agent exited: " + log, () -> !agent.alive())
          .until(() -> server.connected(agentId));
    }
  }

  private static String unitValue(String key) throws IOException {
    return Files.readAllLines(UNIT, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith(key + "="))
        .map(line -> line.substring(key.length() + 1).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + "= in " + UNIT));
  }

  private static void assertNothingLeft(List<String> owned) throws IOException {
    assertThat(DebianMachine.status()).isEmpty();
    List<String> shared =
        List.of(
            "/.",
            "/etc",
            "/lib",
            "/lib/systemd",
            "/lib/systemd/system",
            "/usr",
            "/usr/bin",
            "/usr/share",
            "/usr/share/doc",
            "/usr/share/man",
            "/usr/share/man/man1");
    assertThat(
            owned.stream()
                .filter(p -> !shared.contains(p))
                .filter(p -> Files.exists(Path.of(p), LinkOption.NOFOLLOW_LINKS)))
        .as("files of the package left after purge")
        .isEmpty();
    assertThat(Path.of("/etc/nodelink")).doesNotExist();
    assertThat(
            Commands.run(Duration.ofSeconds(10), List.of("getent", "passwd", "nodelink"))
                .exitCode())
        .as("user nodelink left after purge")
        .isNotZero();
    assertThat(
            Commands.run(Duration.ofSeconds(10), List.of("getent", "group", "nodelink")).exitCode())
        .as("group nodelink left after purge")
        .isNotZero();
    for (String dir :
        List.of(
            "/etc/systemd/system",
            "/var/lib/systemd/deb-systemd-helper-enabled",
            "/var/lib/systemd/deb-systemd-helper-masked")) {
      Path root = Path.of(dir);
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          assertThat(files.filter(p -> p.getFileName().toString().contains("nodelink")))
              .as("systemd state left in " + dir)
              .isEmpty();
        }
      }
    }
  }
}
