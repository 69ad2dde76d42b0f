package io.nodelink.metrics.server.alerts.notify;

import io.nodelink.metrics.server.alerts.Alert;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of Alertmanager's {@code POST /api/v2/alerts}: labels {@code alertname} (the rule),
 * {@code instance} (the agent), {@code severity}, {@code device} (what the rule's {@code *} stood
 * for, if anything) and the rule's own labels; the summary as an annotation; {@code startsAt}, and
 * {@code endsAt} once resolved, so Alertmanager's routing, grouping and inhibition apply.
 */
final class AlertmanagerPayload {

  private static final Set<String> OURS = Set.of("alertname", "instance", "severity", "device");

  private AlertmanagerPayload() {}

  static String of(List<Alert> alerts) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    alerts.forEach(a -> array.add(alert(a)));
    return array.build().toString();
  }

  private static JsonObjectBuilder alert(Alert a) {
    JsonObjectBuilder labels =
        Json.createObjectBuilder()
            .add("alertname", a.key().rule())
            .add("instance", a.key().agentId())
            .add("severity", a.severity());
    if (!a.key().instance().isEmpty()) {
      labels.add("device", a.key().instance());
    }
    for (Map.Entry<String, String> label : a.labels().entrySet()) {
      if (!OURS.contains(label.getKey())) {
        labels.add(label.getKey(), label.getValue());
      }
    }
    Instant starts = a.firingSince() != null ? a.firingSince() : a.activeSince();
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("labels", labels)
            .add("annotations", Json.createObjectBuilder().add("summary", a.summary()))
            .add("startsAt", starts.toString());
    if (a.endedAt() != null) {
      json.add("endsAt", a.endedAt().toString());
    }
    return json;
  }
}
