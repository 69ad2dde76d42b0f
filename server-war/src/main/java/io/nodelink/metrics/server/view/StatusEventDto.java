package io.nodelink.metrics.server.view;

/** The SSE {@code status} event: the agent went offline or came back. */
public record StatusEventDto(String agentId, boolean connected) {}
