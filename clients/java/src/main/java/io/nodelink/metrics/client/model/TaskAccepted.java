package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** A request the server accepted and sent to the agent as task {@code taskId}. */
public record TaskAccepted(String message, @JsonbProperty("task_id") String taskId) {}
