package io.nodelink.metrics.server.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as it stands: what {@code GET /alerts} lists and notifications carry.
 *
 * @param key rule, agent, instance
 * @param state pending, firing (active) or resolved (only in notifications and events)
 * @param severity the rule's
 * @param value the last evaluated value
 * @param activeSince when it became pending
 * @param firingSince when it fired; null while pending
 * @param endedAt when it resolved; null while active
 * @param summary the rule's summary, filled in
 * @param labels the rule's labels
 */
public record Alert(
    AlertKey key,
    AlertState state,
    String severity,
    double value,
    Instant activeSince,
    Instant firingSince,
    Instant endedAt,
    String summary,
    Map<String, String> labels) {}
