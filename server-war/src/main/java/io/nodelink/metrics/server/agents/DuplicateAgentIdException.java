package io.nodelink.metrics.server.agents;

import io.nodelink.metrics.server.domain.DomainException;

/**
 * A connection refused because another host is connected with the same agent id. The transport
 * answers it with its own "already exists" status, so the agent can tell it from other refusals.
 */
public final class DuplicateAgentIdException extends DomainException {

  private static final long serialVersionUID = 1L;

  /** What every refusal tells the agent's operator to do. */
  static final String FIX = "give each host its own agent id (--agent-id, NODELINK_AGENT_ID)";

  DuplicateAgentIdException(String agentId, String reason) {
    super(
        Kind.CONFLICT,
        "duplicate agent id: agent id '"
            + agentId
            + "' is already connected ("
            + reason
            + "); "
            + FIX);
  }
}
