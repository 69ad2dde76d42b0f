package io.nodelink.metrics.testkit.protocol;

import io.grpc.Metadata;

/**
 * The call metadata every agent sends and every server checks (docs/wire-protocol.md: {@code
 * agent_id}, {@code agent_token}).
 */
public final class AgentHeaders {

  /** The agent's id. */
  public static final Metadata.Key<String> AGENT_ID =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);

  /** The agent's token. */
  public static final Metadata.Key<String> AGENT_TOKEN =
      Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER);

  /** Optional: the agent's hostname, so a server can tell two hosts with one id apart. */
  public static final Metadata.Key<String> AGENT_HOSTNAME =
      Metadata.Key.of("agent_hostname", Metadata.ASCII_STRING_MARSHALLER);

  /** Optional: the agent's machine id. */
  public static final Metadata.Key<String> AGENT_MACHINE_ID =
      Metadata.Key.of("agent_machine_id", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * Field number of the send time (Unix millis) the agent's simulator stamps on each snapshot as an
   * unknown field, so a receiver can measure send-to-receipt latency. It must stay equal to the
   * agent's {@code SimulatedHost.SENT_AT_FIELD} (the agent's tests check it).
   */
  public static final int SENT_AT_FIELD = 21;

  private AgentHeaders() {}

  /** Headers carrying {@code agentId} and {@code token}; a {@code null} leaves that key out. */
  public static Metadata of(String agentId, String token) {
    Metadata headers = new Metadata();
    if (agentId != null) {
      headers.put(AGENT_ID, agentId);
    }
    if (token != null) {
      headers.put(AGENT_TOKEN, token);
    }
    return headers;
  }

  /** {@code headers} with the host's name and machine id added; a {@code null} is left out. */
  public static Metadata withHost(Metadata headers, String hostname, String machineId) {
    if (hostname != null) {
      headers.put(AGENT_HOSTNAME, hostname);
    }
    if (machineId != null) {
      headers.put(AGENT_MACHINE_ID, machineId);
    }
    return headers;
  }
}
