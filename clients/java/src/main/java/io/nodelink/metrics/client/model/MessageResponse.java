package io.nodelink.metrics.client.model;

/** A plain confirmation, e.g. of {@code DELETE /tasks/{id}}. */
public record MessageResponse(String message) {}
