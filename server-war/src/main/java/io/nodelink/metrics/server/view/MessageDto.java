package io.nodelink.metrics.server.view;

/** A plain confirmation, e.g. {@code {"message": "task cancelled"}}. */
public record MessageDto(String message) {}
