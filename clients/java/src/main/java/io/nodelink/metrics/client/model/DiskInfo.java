package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** One disk or file system in {@link SystemHardware}. */
public record DiskInfo(
    String device,
    @JsonbProperty("mount_point") String mountPoint,
    String filesystem,
    @JsonbProperty("total_bytes") long totalBytes,
    @JsonbProperty("available_bytes") long availableBytes,
    @JsonbProperty("disk_type") String diskType) {}
