package io.nodelink.metrics.server.view;

import java.util.Map;

/**
 * One alert in {@code GET /alerts} and the {@code alert} SSE events.
 *
 * @param rule the rule's name
 * @param agentId the agent
 * @param instance what the rule's {@code *} stood for ("" without one)
 * @param state {@code pending}, {@code firing}; {@code resolved} or {@code inactive} in events
 * @param severity {@code info}, {@code warning}, {@code critical}
 * @param value the last evaluated value
 * @param activeSince RFC 3339, when it became pending
 * @param firingSince RFC 3339, "" while pending
 * @param endedAt RFC 3339, "" while active
 * @param summary the rule's summary, filled in
 * @param labels the rule's labels
 * @param silenced a silence covers it (it notifies nobody)
 */
public record AlertDto(
    String rule,
    String agentId,
    String instance,
    String state,
    String severity,
    Double value,
    String activeSince,
    String firingSince,
    String endedAt,
    String summary,
    Map<String, String> labels,
    boolean silenced) {}
