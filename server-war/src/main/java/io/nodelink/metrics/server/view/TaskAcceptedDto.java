package io.nodelink.metrics.server.view;

/** A command sent to an agent: {@code {"message", "task_id"}}. */
public record TaskAcceptedDto(String message, String taskId) {}
