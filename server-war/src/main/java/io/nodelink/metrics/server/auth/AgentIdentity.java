package io.nodelink.metrics.server.auth;

import io.grpc.Context;
import io.grpc.Metadata;

/** The call metadata keys agents authenticate with and the authenticated id passed on. */
public final class AgentIdentity {

  /** The agent id presented in the call metadata. */
  public static final Metadata.Key<String> AGENT_ID_HEADER =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);

  /** The agent token presented in the call metadata. */
  public static final Metadata.Key<String> AGENT_TOKEN_HEADER =
      Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER);

  /** The agent id the interceptor authenticated; the service trusts only this. */
  public static final Context.Key<String> AGENT_ID = Context.key("nodelink-agent-id");

  /** Longest agent id accepted; ids appear in URLs and logs. */
  public static final int MAX_AGENT_ID_LENGTH = 256;

  private AgentIdentity() {}

  /** The authenticated agent of the current call, or null outside an authenticated call. */
  public static String current() {
    return AGENT_ID.get();
  }

  /** Whether an agent id is acceptable at all: non-blank, bounded, no control characters. */
  public static boolean isWellFormed(String agentId) {
    if (agentId == null || agentId.isBlank() || agentId.length() > MAX_AGENT_ID_LENGTH) {
      return false;
    }
    return agentId.chars().noneMatch(Character::isISOControl);
  }
}
