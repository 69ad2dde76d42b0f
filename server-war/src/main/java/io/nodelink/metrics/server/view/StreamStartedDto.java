package io.nodelink.metrics.server.view;

/**
 * {@code POST .../metrics/start}: the stream task (cancel it to end the manual hold) and the
 * interval asked for.
 */
public record StreamStartedDto(String message, String taskId, int intervalSeconds) {}
