package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /agents/{id}/metrics/start}: the streaming task and the interval it runs at. */
public record StreamingStarted(
    String message,
    @JsonbProperty("task_id") String taskId,
    @JsonbProperty("interval_seconds") long intervalSeconds) {}
