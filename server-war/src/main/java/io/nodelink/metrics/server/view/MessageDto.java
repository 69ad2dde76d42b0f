package io.nodelink.metrics.server.api.dto;

/** A plain confirmation, e.g. {@code {"message": "task cancelled"}}. */
public record MessageDto(String message) {}
