package it.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.agent.TestAgent;
import it.support.Agents;
import it.support.Api;
import it.support.ApiResponse;
import it.support.Contract;
import it.support.tsdb.AlertmanagerServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications from the build's server: to the test's webhook receiver (port {@code
 * it.alerts.webhook.port}, repeat every 3 s, a token header) and to a real Alertmanager from Debian
 * (port {@code it.alerts.alertmanager.port}), checked through its API.
 */
class NotificationsIT {

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<String> rules = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    for (String rule : rules) {
      Api.delete("/alerts/rules/" + rule);
    }
  }

  private TestAgent streamingAgent(String prefix) {
    String id = TestAgent.uniqueId(prefix);
    TestAgent agent = TestAgent.builder(id).connect();
    resources.add(agent);
    agent.setCpuPercent(10);
    Agents.awaitOnline(id);
    Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
    agent.awaitStreaming();
    return agent;
  }

  private String cpuRule(String agentPattern) {
    String name = "NotifyCpu-" + TestAgent.uniqueId("r");
    rules.add(name);
    AlertApi.createRule(
        "{\"name\":\""
            + name
            + "\",\"metric\":\"cpu.usage_percent\",\"agg\":\"last\",\"threshold\":90,"
            + "\"clear_threshold\":50,\"severity\":\"critical\",\"agents\":[\""
            + agentPattern
            + "\"],\"labels\":{\"team\":\"db\"},\"summary\":\"CPU {{value}}% on {{agent_id}}\"}");
    return name;
  }

  private WebhookReceiver webhook() {
    WebhookReceiver receiver = new WebhookReceiver(Integer.getInteger("it.alerts.webhook.port"));
    resources.add(receiver);
    return receiver;
  }

  @Test
  void aWebhookGetsFiringRepeatsAndResolvedWithItsToken() {
    WebhookReceiver hook = webhook();
    TestAgent agent = streamingAgent("notify-hook");
    String id = agent.agentId();
    String rule = cpuRule(id);

    agent.setCpuPercent(95);
    AlertApi.awaitState(rule, id, "firing");
    await("two notifications of the firing alert (repeat every 3 s)")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> hook.alertsOf(id).stream().filter(a -> isFiring(a)).count() >= 2);
    JsonNode first = hook.alertsOf(id).get(0);
    assertThat(first.path("rule").asText()).isEqualTo(rule);
    assertThat(first.path("status").asText()).isEqualTo("firing");
    assertThat(first.path("severity").asText()).isEqualTo("critical");
    assertThat(first.path("summary").asText()).isEqualTo("CPU 95% on " + id);
    assertThat(first.path("labels").path("team").asText()).isEqualTo("db");
    assertThat(first.path("ends_at").asText()).isEmpty();
    assertThat(hook.deliveries())
        .allSatisfy(d -> assertThat(d.token()).isEqualTo("it-hook-secret"));

    agent.setCpuPercent(10);
    await("the resolved notification")
        .atMost(TestAgent.TIMEOUT)
        .until(
            () ->
                hook.alertsOf(id).stream()
                    .anyMatch(a -> a.path("status").asText().equals("resolved")));
    JsonNode resolved = hook.alertsOf(id).get(hook.alertsOf(id).size() - 1);
    assertThat(resolved.path("status").asText()).isEqualTo("resolved");
    Contract.assertRfc3339Utc(resolved.path("ends_at").asText());

    ApiResponse metrics = Api.admin("/metrics?scope=application");
    assertThat(metrics.body())
        .containsPattern("nodelink_alerts_notifications_sent_total\\{[^}]*receiver=\"ithook\"");
  }

  @Test
  void aSilencedAlertNotifiesNobody() {
    WebhookReceiver hook = webhook();
    TestAgent silenced = streamingAgent("notify-quiet");
    TestAgent loud = streamingAgent("notify-loud");
    String rule = cpuRule("notify-*");
    ApiResponse silence =
        Api.post(
            "/alerts/silences",
            "{\"matchers\":{\"rule\":\""
                + rule
                + "\",\"agent_id\":\""
                + silenced.agentId()
                + "\"},\"until\":\""
                + Instant.now().plus(Duration.ofHours(1))
                + "\"}");
    assertThat(silence.status()).as(silence.describe()).isEqualTo(201);
    resources.add(() -> Api.delete("/alerts/silences/" + silence.json().path("id").asText()));

    silenced.setCpuPercent(95);
    AlertApi.awaitState(rule, silenced.agentId(), "firing");
    loud.setCpuPercent(95);
    AlertApi.awaitState(rule, loud.agentId(), "firing");
    // Notifications go out in the order alerts fire, and repeats every 3 s: once the later
    // alert has been sent twice, the earlier one would have been sent had it not been silenced.
    await("two notifications of " + loud.agentId())
        .atMost(TestAgent.TIMEOUT)
        .until(() -> hook.alertsOf(loud.agentId()).size() >= 2);
    assertThat(hook.alertsOf(silenced.agentId())).isEmpty();
  }

  @Test
  void alertmanagerGetsFiringAndResolvedAlertsWithItsLabels() {
    AlertmanagerServer alertmanager =
        AlertmanagerServer.start(
            Path.of("target", "it-alertmanager"),
            Integer.getInteger("it.alerts.alertmanager.port"));
    resources.add(alertmanager);
    TestAgent agent = streamingAgent("notify-am");
    String id = agent.agentId();
    String rule = cpuRule(id);

    agent.setCpuPercent(95);
    AlertApi.awaitState(rule, id, "firing");
    String matcher = "instance=\"" + id + "\"";
    await("Alertmanager holds " + rule + " of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> alertmanager.alerts(matcher).size() == 1);
    JsonNode alert = alertmanager.alerts(matcher).get(0);
    assertThat(alert.path("labels").path("alertname").asText()).isEqualTo(rule);
    assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
    assertThat(alert.path("labels").path("team").asText()).isEqualTo("db");
    assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("CPU 95% on " + id);
    assertThat(alert.path("status").path("state").asText()).isEqualTo("active");

    agent.setCpuPercent(10);
    AlertApi.awaitInactive(rule, id);
    await("Alertmanager resolves " + rule + " of " + id)
        .atMost(TestAgent.TIMEOUT)
        .until(() -> alertmanager.alerts(matcher).isEmpty());
  }

  private static boolean isFiring(JsonNode alert) {
    return alert.path("status").asText().equals("firing");
  }
}
