package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One tracked process of a {@link ProcessMetrics}; {@code taskId} names the rule that matched it.
 */
public record TaskProcessMetrics(
    @JsonbProperty("task_id") String taskId,
    long pid,
    @JsonbProperty("cpu_percent") double cpuPercent,
    @JsonbProperty("memory_bytes") long memoryBytes,
    @JsonbProperty("virtual_memory_bytes") long virtualMemoryBytes,
    long threads,
    @JsonbProperty("read_bytes") long readBytes,
    @JsonbProperty("write_bytes") long writeBytes) {}
