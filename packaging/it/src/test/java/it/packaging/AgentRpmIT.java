package it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's .rpm, read with rpm (this Debian machine cannot install it): its files, its
 * configuration files, its requirements and its scriptlets.
 */
class AgentRpmIT {

  private Path rpm;

  @BeforeEach
  void locate() {
    rpm = PackagingConfig.agentRpm().orElse(null);
    Assumptions.assumeTrue(
        rpm != null && Commands.available("rpm"),
        "rpm test skipped: needs rpm and rpmbuild (.ci/run installs Debian's rpm package)");
  }

  @Test
  void holdsTheSameLayoutAsTheDeb() {
    assertThat(query("-qlp").lines())
        .containsExactlyInAnyOrder(
            "/etc/nodelink",
            "/etc/nodelink/agent.properties",
            "/etc/nodelink/agent.token",
            "/usr/bin/nodelink-agent",
            "/usr/lib/systemd/system/nodelink-agent.service",
            "/usr/share/man/man1/nodelink-agent.1.gz",
            "/usr/share/nodelink-agent",
            "/usr/share/nodelink-agent/agent",
            "/usr/share/nodelink-agent/nodelink-agent.jar");
    assertThat(query("-qp", "--configfiles").lines())
        .contains("/etc/nodelink/agent.properties", "/etc/nodelink/agent.token");
    assertThat(query("-qlpv"))
        .containsPattern("-rw-r-----\\s+1 root\\s+nodelink .*/etc/nodelink/agent.token");
  }

  @Test
  void describesItselfAndNeedsJava17() {
    assertThat(query("-qip"))
        .contains(
            "Name        : nodelink-agent", "Architecture: noarch", "License     : Apache-2.0");
    assertThat(query("-qp", "--requires")).contains("java-headless >= 1:17");
  }

  @Test
  void scriptletsCreateTheUserAndManageTheService() {
    String scripts = query("-qp", "--scripts");

    assertThat(scripts)
        .contains("preinstall scriptlet", "useradd -r -g nodelink")
        .contains("postinstall scriptlet", "systemctl enable nodelink-agent.service")
        .contains("preuninstall scriptlet", "disable --now nodelink-agent.service")
        .contains("postuninstall scriptlet", "try-restart nodelink-agent.service");
  }

  private String query(String... args) {
    List<String> command = new ArrayList<>(List.of("rpm"));
    command.addAll(List.of(args));
    command.add(rpm.toString());
    return Commands.run(Duration.ofMinutes(1), command).ok().output();
  }
}
