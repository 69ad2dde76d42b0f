package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** Memory and swap of one {@link MetricsSnapshot}. */
public record MemoryMetrics(
    @JsonbProperty("total_bytes") long totalBytes,
    @JsonbProperty("used_bytes") long usedBytes,
    @JsonbProperty("available_bytes") long availableBytes,
    @JsonbProperty("free_bytes") long freeBytes,
    @JsonbProperty("cached_bytes") long cachedBytes,
    @JsonbProperty("buffers_bytes") long buffersBytes,
    @JsonbProperty("usage_percent") double usagePercent,
    @JsonbProperty("swap_total_bytes") long swapTotalBytes,
    @JsonbProperty("swap_used_bytes") long swapUsedBytes,
    @JsonbProperty("swap_free_bytes") long swapFreeBytes,
    @JsonbProperty("swap_usage_percent") double swapUsagePercent) {}
