package io.nodelink.metrics.server.view;

import java.util.List;

/** {@code GET /alerts}: the active alerts, firing first, then by rule and agent. */
public record AlertsDto(List<AlertDto> alerts) {}
