package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Agents;
import it.support.Api;
import it.support.Credentials;
import it.support.ItConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing request leaves one audit line in the server's log (principal, action,
 * target, result) and counts in {@code nodelink_audit_actions_total}, refused ones included.
 */
class AuditIT {

  private static final Path LOG =
      Path.of(
          System.getProperty("liberty.server.dir", "target/liberty/wlp/usr/servers/nodelink"),
          "logs",
          "messages.log");

  private static TestAgent agent;
  private static String id;

  @BeforeAll
  static void connectAgent() {
    id = TestAgent.uniqueId("audited");
    agent = TestAgent.builder(id).connect();
    Agents.awaitOnline(id);
  }

  @AfterAll
  static void closeAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void operatorActionIsLoggedOnceWithPrincipalAgentAndResultAndCounted() {
    double before = counter("system/refresh", "done");

    Api.sendAs(
        Credentials.OPERATOR,
        "POST",
        ItConfig.api("/agents/" + id + "/system/refresh"),
        null,
        Map.of());

    String line =
        "principal=it-operator action=system/refresh target=" + id + " result=done status=200";
    await("the audit line").atMost(Duration.ofSeconds(20)).until(() -> occurrences(line) == 1);
    await("the audit counter")
        .atMost(Duration.ofSeconds(20))
        .until(() -> counter("system/refresh", "done") == before + 1);
  }

  @Test
  void refusedActionIsAuditedToo() {
    double before = counter("metrics/stop", "refused");

    Api.sendAs(
        Credentials.VIEWER,
        "POST",
        ItConfig.api("/agents/" + id + "/metrics/stop"),
        null,
        Map.of());

    String line =
        "principal=it-viewer action=metrics/stop target=" + id + " result=refused status=403";
    await("the audit line").atMost(Duration.ofSeconds(20)).until(() -> occurrences(line) == 1);
    assertThat(counter("metrics/stop", "refused")).isEqualTo(before + 1);
  }

  private static long occurrences(String text) throws IOException {
    return Files.readAllLines(LOG, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains(text))
        .count();
  }

  private static double counter(String action, String outcome) {
    String body = Api.admin("/metrics?scope=application").body();
    Matcher m =
        Pattern.compile(
                "nodelink_audit_actions_total\\{([^}]*)\\} ([0-9.eE+-]+)", Pattern.MULTILINE)
            .matcher(body);
    while (m.find()) {
      String labels = m.group(1);
      if (labels.contains("action=\"" + action + "\"")
          && labels.contains("outcome=\"" + outcome + "\"")) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
