package io.nodelink.metrics.server.auth;

import io.grpc.Context;
import io.grpc.Metadata;
import java.util.regex.Pattern;

/** The call metadata keys agents authenticate with and the authenticated id passed on. */
public final class AgentIdentity {

  /** The agent id presented in the call metadata. */
  public static final Metadata.Key<String> AGENT_ID_HEADER =
      Metadata.Key.of("agent_id", Metadata.ASCII_STRING_MARSHALLER);

  /** The agent token presented in the call metadata. */
  public static final Metadata.Key<String> AGENT_TOKEN_HEADER =
      Metadata.Key.of("agent_token", Metadata.ASCII_STRING_MARSHALLER);

  /** Optional (an extension): the hostname of the agent's host, to tell two hosts apart. */
  public static final Metadata.Key<String> AGENT_HOSTNAME_HEADER =
      Metadata.Key.of("agent_hostname", Metadata.ASCII_STRING_MARSHALLER);

  /** Optional (an extension): the machine id ({@code /etc/machine-id}) of the agent's host. */
  public static final Metadata.Key<String> AGENT_MACHINE_ID_HEADER =
      Metadata.Key.of("agent_machine_id", Metadata.ASCII_STRING_MARSHALLER);

  /** The hostname the authenticated agent presented, "" if none or not acceptable. */
  public static final Context.Key<String> HOSTNAME = Context.keyWithDefault("nodelink-host", "");

  /** The machine id the authenticated agent presented, "" if none or not acceptable. */
  public static final Context.Key<String> MACHINE_ID =
      Context.keyWithDefault("nodelink-machine-id", "");

  /** Longest hostname or machine id taken from the metadata (a DNS name is at most 253). */
  public static final int MAX_HOST_PART_LENGTH = 255;

  private static final Pattern VALID_HOST_PART =
      Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_HOST_PART_LENGTH + "}");

  /** The agent id the interceptor authenticated; the service trusts only this. */
  public static final Context.Key<String> AGENT_ID = Context.key("nodelink-agent-id");

  /** Longest agent id accepted; ids appear in URLs and logs. */
  public static final int MAX_AGENT_ID_LENGTH = 128;

  /** The agent ids accepted: URL-safe without escaping, so every API path of the agent works. */
  public static final String AGENT_ID_RULE = "[A-Za-z0-9._-]{1," + MAX_AGENT_ID_LENGTH + "}";

  private static final Pattern VALID_ID = Pattern.compile(AGENT_ID_RULE);

  /** Longest part of a refused id that is logged. */
  private static final int MAX_LOGGED_LENGTH = 64;

  private AgentIdentity() {}

  /** The authenticated agent of the current call, or null outside an authenticated call. */
  public static String current() {
    return AGENT_ID.get();
  }

  /**
   * A presented hostname or machine id as the server keeps it: "" when absent or outside {@code
   * [A-Za-z0-9._:-]{1,255}} (then it says nothing, rather than something forged).
   */
  public static String hostPart(String presented) {
    return presented != null && VALID_HOST_PART.matcher(presented).matches() ? presented : "";
  }

  /** Whether an agent id is acceptable: matches {@link #AGENT_ID_RULE}. */
  public static boolean isWellFormed(String agentId) {
    return agentId != null && VALID_ID.matcher(agentId).matches();
  }

  /**
   * An id as it may be logged whatever it holds: at most {@value #MAX_LOGGED_LENGTH} characters, in
   * quotes, every character outside printable ASCII as a Java-style Unicode escape, so a refused id
   * can neither forge log lines nor flood the log.
   */
  public static String forLog(String agentId) {
    if (agentId == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(agentId.length(), MAX_LOGGED_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = agentId.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('"');
    if (agentId.length() > end) {
      out.append("... (").append(agentId.length()).append(" chars)");
    }
    return out.toString();
  }
}
