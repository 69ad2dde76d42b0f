package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** Installed memory in {@link SystemHardware}. */
public record MemoryInfo(
    @JsonbProperty("total_bytes") long totalBytes,
    @JsonbProperty("available_bytes") long availableBytes,
    @JsonbProperty("memory_type") String memoryType,
    @JsonbProperty("speed_mhz") long speedMhz) {}
