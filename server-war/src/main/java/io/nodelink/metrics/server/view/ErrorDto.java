package io.nodelink.metrics.server.view;

/** Every error body: {@code {"error": "..."}}. */
public record ErrorDto(String error) {}
