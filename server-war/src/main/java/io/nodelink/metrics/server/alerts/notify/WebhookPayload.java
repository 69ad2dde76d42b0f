package io.nodelink.metrics.server.alerts.notify;

import io.nodelink.metrics.server.alerts.Alert;
import io.nodelink.metrics.server.alerts.AlertState;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The JSON a webhook receives ({@code docs/alerts.md}): {@code status} {@code firing} when any of
 * the alerts fires, else {@code resolved}, and each alert with its own status, times and labels.
 */
final class WebhookPayload {

  private WebhookPayload() {}

  static String of(String receiver, List<Alert> alerts) {
    boolean anyFiring = alerts.stream().anyMatch(a -> a.state() == AlertState.FIRING);
    JsonArrayBuilder array = Json.createArrayBuilder();
    alerts.forEach(a -> array.add(alert(a)));
    return Json.createObjectBuilder()
        .add("receiver", receiver)
        .add("status", anyFiring ? "firing" : "resolved")
        .add("alerts", array)
        .build()
        .toString();
  }

  private static JsonObjectBuilder alert(Alert a) {
    JsonObjectBuilder labels = Json.createObjectBuilder();
    a.labels().forEach(labels::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("status", a.state() == AlertState.FIRING ? "firing" : "resolved")
            .add("rule", a.key().rule())
            .add("agent_id", a.key().agentId())
            .add("instance", a.key().instance())
            .add("severity", a.severity())
            .add("summary", a.summary())
            .add("labels", labels)
            .add("starts_at", time(a.firingSince() != null ? a.firingSince() : a.activeSince()))
            .add("ends_at", time(a.endedAt()));
    if (Double.isFinite(a.value())) {
      json.add("value", a.value());
    } else {
      json.addNull("value");
    }
    return json;
  }

  private static String time(Instant at) {
    return at == null ? "" : at.toString();
  }
}
