package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** One installed package in {@link SystemSoftware}. */
public record InstalledPackage(
    String name, String version, @JsonbProperty("package_manager") String packageManager) {}
