package io.nodelink.metrics.server.api.dto;

/** The SSE {@code status} event: the agent went offline or came back. */
public record StatusEventDto(String agentId, boolean connected) {}
