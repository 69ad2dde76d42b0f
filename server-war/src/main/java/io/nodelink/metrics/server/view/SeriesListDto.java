package io.nodelink.metrics.server.view;

import java.util.List;

/** {@code GET /agents/{id}/metrics/series}: the series names with history, sorted. */
public record SeriesListDto(String agentId, List<String> series) {}
