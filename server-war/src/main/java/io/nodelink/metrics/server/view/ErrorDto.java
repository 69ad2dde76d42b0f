package io.nodelink.metrics.server.api.dto;

/** Every error body: {@code {"error": "..."}}. */
public record ErrorDto(String error) {}
