package it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Ansible role {@code deploy/ansible/roles/nodelink_agent} through its example playbook,
 * against this machine ({@code -c local}), twice: the first run installs the .deb and writes the
 * configuration and the token, the second changes nothing. systemd is not running here, so the
 * role's service task is skipped (and says so); the package purged afterwards.
 */
class AnsibleRoleIT {

  private static final Pattern RECAP =
      Pattern.compile(
          "localhost\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)");

  /** Set once this test may have installed the package (never for a machine's own install). */
  private boolean installing;

  @AfterEach
  void purge() {
    if (installing) {
      DebianMachine.purgeQuietly();
    }
  }

  @Test
  void installsConfiguresAndIsIdempotent() throws Exception {
    Path deb = DebianMachine.assumeInstallable();
    Assumptions.assumeTrue(
        Commands.available("ansible-playbook"),
        "Ansible role test skipped: no ansible-playbook (.ci/run installs Debian's ansible)");
    installing = true;
    Path vars = PackagingConfig.workDir().resolve("ansible-vars.json");
    Files.writeString(
        vars,
        "{\"nodelink_hosts\": \"all\", \"ansible_become\": false,"
            + " \"ansible_python_interpreter\": \"/usr/bin/python3\","
            + " \"nodelink_agent_package_file\": \""
            + deb
            + "\","
            + " \"nodelink_agent_server\": \"127.0.0.1:"
            + PackagingConfig.port(2)
            + "\","
            + " \"nodelink_agent_id\": \"pkg-ansible\","
            + " \"vault_nodelink_agent_token\": \""
            + PackagedServer.TOKENS.get("pkg-ansible")
            + "\"}");

    int[] first = recap(playbook(vars));
    int[] second = recap(playbook(vars));

    assertThat(first[1]).as("changed on the first run").isPositive();
    assertThat(second[1]).as("changed on the second run").isZero();
    assertThat(DebianMachine.installed()).isTrue();
    assertThat(Files.readString(Path.of("/etc/nodelink/agent.properties")))
        .contains("server=127.0.0.1:" + PackagingConfig.port(2), "agent.id=pkg-ansible");
    Path token = Path.of("/etc/nodelink/agent.token");
    PosixFileAttributes attributes =
        Files.readAttributes(token, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    assertThat(PosixFilePermissions.toString(attributes.permissions())).isEqualTo("rw-r-----");
    assertThat(attributes.group().getName()).isEqualTo("nodelink");
    assertThat(Files.readString(token).trim()).isEqualTo(PackagedServer.TOKENS.get("pkg-ansible"));
  }

  private static String playbook(Path vars) throws Exception {
    Path ansible = PackagingConfig.repoDir().resolve("deploy/ansible");
    Commands.Result run =
        Commands.run(
            Duration.ofMinutes(4),
            List.of(
                "ansible-playbook",
                "-c",
                "local",
                "-i",
                "localhost,",
                ansible.resolve("nodelink-agent.yml").toString(),
                "-e",
                "@" + vars),
            Map.of(
                "ANSIBLE_NOCOLOR", "1",
                "ANSIBLE_RETRY_FILES_ENABLED", "0",
                "ANSIBLE_LOCAL_TEMP", PackagingConfig.workDir().resolve("ansible-tmp").toString()));
    return run.ok().output();
  }

  /** ok, changed, unreachable, failed of the play recap. */
  private static int[] recap(String output) {
    Matcher m = RECAP.matcher(output);
    assertThat(m.find()).as("play recap in:\n" + output).isTrue();
    assertThat(Integer.parseInt(m.group(4))).as(output).isZero();
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
    };
  }
}
