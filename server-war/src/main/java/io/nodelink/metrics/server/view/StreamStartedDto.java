package io.nodelink.metrics.server.api.dto;

/**
 * {@code POST .../metrics/start}: the stream task (cancel it to end the manual hold) and the
 * interval asked for.
 */
public record StreamStartedDto(String message, String taskId, int intervalSeconds) {}
