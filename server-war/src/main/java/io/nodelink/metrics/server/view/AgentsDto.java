package io.nodelink.metrics.server.view;

import java.util.Map;

/** {@code GET /metrics/agents}: every known agent by id. */
public record AgentsDto(Map<String, AgentSummaryDto> agents) {}
