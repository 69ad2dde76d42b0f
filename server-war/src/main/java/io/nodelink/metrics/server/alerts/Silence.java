package io.nodelink.metrics.server.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * A silence: alerts it matches still change state, but notify nobody until it ends.
 *
 * @param id unique
 * @param matchers {@code rule}, {@code agent_id}, {@code instance}, {@code severity} or a rule
 *     label, each a value with {@code *} for any characters; all must match
 * @param startsAt when it was created
 * @param until when it ends
 * @param createdBy who created it ("" when anonymous)
 * @param comment why
 */
public record Silence(
    String id,
    Map<String, String> matchers,
    Instant startsAt,
    Instant until,
    String createdBy,
    String comment) {

  public boolean activeAt(Instant now) {
    return now.isBefore(until);
  }

  /** Whether the silence covers the alert. */
  public boolean matches(Alert alert) {
    for (Map.Entry<String, String> m : matchers.entrySet()) {
      String actual =
          switch (m.getKey()) {
            case "rule", "alertname" -> alert.key().rule();
            case "agent_id" -> alert.key().agentId();
            case "instance" -> alert.key().instance();
            case "severity" -> alert.severity();
            default -> alert.labels().get(m.getKey());
          };
      if (actual == null || !Globs.matches(m.getValue(), actual)) {
        return false;
      }
    }
    return true;
  }
}
