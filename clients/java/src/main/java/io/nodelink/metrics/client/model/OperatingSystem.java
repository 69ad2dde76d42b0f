package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** The operating system in {@link SystemSoftware}. */
public record OperatingSystem(
    String name,
    String version,
    @JsonbProperty("kernel_version") String kernelVersion,
    String distribution) {}
