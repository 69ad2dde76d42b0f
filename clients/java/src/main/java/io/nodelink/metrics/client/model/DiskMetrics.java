package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** One disk of a {@link MetricsSnapshot}: space and I/O rates. */
public record DiskMetrics(
    String device,
    @JsonbProperty("mount_point") String mountPoint,
    @JsonbProperty("total_bytes") long totalBytes,
    @JsonbProperty("used_bytes") long usedBytes,
    @JsonbProperty("available_bytes") long availableBytes,
    @JsonbProperty("usage_percent") double usagePercent,
    @JsonbProperty("read_bytes_per_sec") long readBytesPerSec,
    @JsonbProperty("write_bytes_per_sec") long writeBytesPerSec,
    @JsonbProperty("read_ops_per_sec") long readOpsPerSec,
    @JsonbProperty("write_ops_per_sec") long writeOpsPerSec,
    @JsonbProperty("io_util_percent") double ioUtilPercent) {}
