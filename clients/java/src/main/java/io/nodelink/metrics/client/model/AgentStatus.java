package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;

/** Extension: the SSE {@code status} event, sent when the agent goes offline or comes back. */
public record AgentStatus(@JsonbProperty("agent_id") String agentId, boolean connected) {}
